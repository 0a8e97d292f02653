/* sp-chart-style.h — how charts look: palette, font scale and line widths
 *
 * Charts take a style and plain data and draw on any cairo surface; the style is the only
 * thing that differs between the screen (light or dark), high contrast, the projector, print
 * and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_CHART_PALETTE_LIGHT,
  SP_CHART_PALETTE_DARK,
  SP_CHART_PALETTE_HIGH_CONTRAST,
  SP_CHART_PALETTE_PROJECTOR,
} SpChartPaletteKind;

typedef struct
{
  double red, green, blue;
} SpChartColor;

#define SP_CHART_N_SERIES 8

typedef struct
{
  SpChartPaletteKind kind;
  SpChartColor       background;
  SpChartColor       foreground;   /* text, axes */
  SpChartColor       muted;        /* grid lines, secondary labels */
  SpChartColor       target;       /* target lines */
  SpChartColor       positive;     /* ahead of target */
  SpChartColor       negative;     /* behind target */
  SpChartColor       series[SP_CHART_N_SERIES];
  double             font_scale;   /* 1.0 on screen; larger on the projector */
  double             line_width;   /* in device units at font_scale 1 */
  const char        *font_family;
} SpChartStyle;

/* A style for @kind with its defaults (font scale 1.0, or 1.5 for the projector). */
void         sp_chart_style_init            (SpChartStyle        *style,
                                             SpChartPaletteKind   kind);
/* "light", "dark", "high-contrast", "projector" ↔ kind. */
gboolean     sp_chart_palette_from_string   (const char          *text,
                                             SpChartPaletteKind  *out);
const char  *sp_chart_palette_to_string     (SpChartPaletteKind   kind);
/* WCAG 2 contrast ratio of two colours (1.0 … 21.0). */
double       sp_chart_color_contrast        (const SpChartColor  *a,
                                             const SpChartColor  *b);

G_END_DECLS
