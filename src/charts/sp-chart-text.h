/* sp-chart-text.h — text on charts: the style's fonts, measuring, placed labels and their boxes
 *
 * Every chart measures its text through one PangoContext whose font options do not depend on
 * the target surface, so the geometry computed for the screen is the geometry of the PNG, SVG,
 * PDF and the printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sp-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} SpChartRect;

typedef struct
{
  double x, y;
} SpChartPoint;

typedef enum
{
  SP_CHART_FONT_BODY,      /* stage and category names */
  SP_CHART_FONT_VALUE,     /* numbers that matter: bold */
  SP_CHART_FONT_SMALL,     /* axis ticks, secondary figures */
  SP_CHART_FONT_TITLE,     /* the chart's title */
  SP_CHART_FONT_MESSAGE,   /* "No data" */
  SP_CHART_FONT_FIGURE,    /* the one big number of a KPI tile: bold */
} SpChartFont;

/* A piece of text placed on a chart. The box is @width x @height with its top-left corner at
 * (@x, @y), turned by @angle radians (clockwise on screen) around that corner. */
typedef struct
{
  PangoLayout  *layout;
  double        x, y;
  double        width, height;
  double        angle;
  SpChartColor  color;
  int           item;      /* the stage or bar it belongs to, -1 for none */
} SpChartLabel;

gboolean      sp_chart_rect_contains_point   (const SpChartRect  *rect,
                                              double              x,
                                              double              y);
gboolean      sp_chart_rect_intersects       (const SpChartRect  *a,
                                              const SpChartRect  *b);

/* A measuring context: the default PangoCairo font map with fixed font options (no hinted
 * metrics), so that measurements are the same on every surface. */
PangoContext *sp_chart_text_context_new      (void);
/* Pixel size of @font in @style (already multiplied by the style's font scale). */
double        sp_chart_text_font_size        (const SpChartStyle *style,
                                              SpChartFont         font);
/* Height of one line of @font. */
double        sp_chart_text_line_height      (PangoContext       *context,
                                              const SpChartStyle *style,
                                              SpChartFont         font);
/* One line of @text in @font; if @max_width > 0 it is ellipsized at the end to fit. */
PangoLayout  *sp_chart_text_layout_new       (PangoContext       *context,
                                              const SpChartStyle *style,
                                              SpChartFont         font,
                                              const char         *text,
                                              double              max_width);
/* Logical size in pixels. */
void          sp_chart_text_get_size         (PangoLayout        *layout,
                                              double             *width,
                                              double             *height);
/* Limits an existing layout to @max_width (ellipsizing); returns its new width. */
double        sp_chart_text_set_max_width    (PangoLayout        *layout,
                                              double              max_width);

/* Takes @layout (transfer full) and places it unrotated at (@x, @y). */
void          sp_chart_label_init            (SpChartLabel       *label,
                                              PangoLayout        *layout,
                                              double              x,
                                              double              y,
                                              const SpChartColor *color,
                                              int                 item);
void          sp_chart_label_clear           (SpChartLabel       *label);
/* The four corners, clockwise from the text's top-left: x0 y0 x1 y1 x2 y2 x3 y3. */
void          sp_chart_label_get_corners     (const SpChartLabel *label,
                                              double              corners[8]);
/* The axis-aligned box around the (possibly turned) label. */
void          sp_chart_label_get_bounds      (const SpChartLabel *label,
                                              SpChartRect        *bounds);
/* Whether the two (possibly turned) boxes share any area (touching edges do not count). */
gboolean      sp_chart_labels_overlap        (const SpChartLabel *a,
                                              const SpChartLabel *b);
void          sp_chart_label_draw            (const SpChartLabel *label,
                                              cairo_t            *cr);

/* An array of SpChartLabel that clears its labels when freed. */
GArray       *sp_chart_label_array_new       (void);
/* Appends @label unless it leaves @bounds or overlaps a label already in @labels, in which
 * case the label is cleared; returns whether it was kept. */
gboolean      sp_chart_label_array_add       (GArray             *labels,
                                              SpChartLabel       *label,
                                              const SpChartRect  *bounds);
void          sp_chart_label_array_draw      (GArray             *labels,
                                              cairo_t            *cr);

/* "No data" (translated), centred in @bounds. */
void          sp_chart_text_add_message      (GArray             *labels,
                                              PangoContext       *context,
                                              const SpChartStyle *style,
                                              const char         *message,
                                              const SpChartRect  *bounds);

/* A chart's header: @title (may be NULL) on the left, ellipsized, and a legend of @n_legend
 * @legend names on the right — below the title when both do not fit one row, left out when
 * it does not fit the width. Each legend entry is a swatch @swatch_width wide and a line of
 * small text high, then its name; @swatches gets their boxes for the caller to paint in
 * (all zero when the legend is left out). Returns the height used with the gap under it, or
 * 0 for an empty header. */
double        sp_chart_text_add_header       (GArray             *labels,
                                              PangoContext       *context,
                                              const SpChartStyle *style,
                                              const char         *title,
                                              const char * const *legend,
                                              guint               n_legend,
                                              double              swatch_width,
                                              const SpChartRect  *content,
                                              const SpChartRect  *bounds,
                                              SpChartRect        *swatches);

/* The colour with the better contrast against @background: black or white. */
void          sp_chart_color_on              (const SpChartColor *background,
                                              SpChartColor       *out);
/* @a blended towards @b by @t (0 … 1): secondary text is the foreground a little faded. */
void          sp_chart_color_mix             (const SpChartColor *a,
                                              const SpChartColor *b,
                                              double              t,
                                              SpChartColor       *out);
void          sp_chart_set_source_color      (cairo_t            *cr,
                                              const SpChartColor *color);

G_END_DECLS
