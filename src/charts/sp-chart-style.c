/* sp-chart-style.c — the chart palettes: light, dark, high contrast and projector
 *
 * Series colours follow Okabe and Ito's colour-blind-safe set, each palette adjusted so that
 * every series stays readable on its own background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef struct
{
  SpChartColor background, foreground, muted, target, positive, negative;
  SpChartColor series[SP_CHART_N_SERIES];
  double       font_scale;
  double       line_width;
} Palette;

static const Palette palettes[] = {
  [SP_CHART_PALETTE_LIGHT] = {
    RGB (0xffffff), RGB (0x241f31), RGB (0xc0bfbc), RGB (0x1c71d8), RGB (0x26a269), RGB (0xc01c28),
    { RGB (0x0072b2), RGB (0xd55e00), RGB (0x009e73), RGB (0xcc79a7),
      RGB (0xb07800), RGB (0x3a8fc4), RGB (0x6a5acd), RGB (0x000000) },
    1.0, 1.5,
  },
  [SP_CHART_PALETTE_DARK] = {
    RGB (0x1e1e1e), RGB (0xffffff), RGB (0x5e5c64), RGB (0x99c1f1), RGB (0x8ff0a4), RGB (0xff7b63),
    { RGB (0x56b4e9), RGB (0xe69f00), RGB (0x2ec4a0), RGB (0xe6a0c8),
      RGB (0xf0e442), RGB (0x7fb2ff), RGB (0xb4a7ff), RGB (0xdeddda) },
    1.0, 1.5,
  },
  [SP_CHART_PALETTE_HIGH_CONTRAST] = {
    RGB (0xffffff), RGB (0x000000), RGB (0x5e5c64), RGB (0x0000c0), RGB (0x005a2b), RGB (0xa50000),
    { RGB (0x00458a), RGB (0x9a3c00), RGB (0x00634a), RGB (0x8a2f66),
      RGB (0x6b4b00), RGB (0x004f7a), RGB (0x3d2f99), RGB (0x000000) },
    1.0, 2.5,
  },
  /* Dark room, washed-out projector: black text on white, saturated dark series, big type. */
  [SP_CHART_PALETTE_PROJECTOR] = {
    RGB (0xffffff), RGB (0x000000), RGB (0x77767b), RGB (0x0000c0), RGB (0x1f8a3c), RGB (0xa50000),
    { RGB (0x00458a), RGB (0x9a3c00), RGB (0x00634a), RGB (0x8a2f66),
      RGB (0x6b4b00), RGB (0x004f7a), RGB (0x3d2f99), RGB (0x000000) },
    1.5, 3.0,
  },
};

static const char * const palette_names[] = {
  [SP_CHART_PALETTE_LIGHT] = "light",
  [SP_CHART_PALETTE_DARK] = "dark",
  [SP_CHART_PALETTE_HIGH_CONTRAST] = "high-contrast",
  [SP_CHART_PALETTE_PROJECTOR] = "projector",
};

void
sp_chart_style_init (SpChartStyle       *style,
                     SpChartPaletteKind  kind)
{
  const Palette *p;

  g_return_if_fail (style != NULL);
  g_return_if_fail (kind <= SP_CHART_PALETTE_PROJECTOR);

  p = &palettes[kind];
  memset (style, 0, sizeof *style);
  style->kind = kind;
  style->background = p->background;
  style->foreground = p->foreground;
  style->muted = p->muted;
  style->target = p->target;
  style->positive = p->positive;
  style->negative = p->negative;
  memcpy (style->series, p->series, sizeof style->series);
  style->font_scale = p->font_scale;
  style->line_width = p->line_width;
  style->font_family = "Cantarell, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";
}

gboolean
sp_chart_palette_from_string (const char         *text,
                              SpChartPaletteKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette_names); i++)
    if (g_strcmp0 (text, palette_names[i]) == 0)
      {
        *out = (SpChartPaletteKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
sp_chart_palette_to_string (SpChartPaletteKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (palette_names), NULL);

  return palette_names[kind];
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const SpChartColor *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

double
sp_chart_color_contrast (const SpChartColor *a,
                         const SpChartColor *b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
