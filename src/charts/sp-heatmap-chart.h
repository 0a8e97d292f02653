/* sp-heatmap-chart.h — a two-way table in colour: regions down, months across
 *
 * Each cell is coloured on a sequential, colour-blind-safe scale (light to dark on light
 * palettes, dark to bright on the dark one) and carries its value when every value fits
 * its cell. Row and column names sit left and above; the colour legend with its ticks sits
 * below. The layout is computed apart from the drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sp-chart-scale.h"
#include "sp-chart-style.h"
#include "sp-chart-text.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *title;           /* optional */
  guint               n_rows;
  guint               n_columns;
  const char * const *row_labels;      /* n_rows translated names, e.g. regions */
  const char * const *column_labels;   /* n_columns, e.g. months */
  /* n_rows × n_columns, row after row; NAN for a cell without a value. Amounts in minor
   * units, rates as ratios. */
  const double       *values;
  /* sp_chart_format_money (with the currency) for amounts, sp_chart_format_ratio for rates;
   * NULL shows plain numbers. */
  SpChartFormatFunc   format_value;
  gpointer            format_data;
} SpHeatmapData;

typedef struct
{
  SpChartRect  rect;    /* on whole pixels; the cells tile the grid */
  SpChartColor color;
  gboolean     empty;   /* no value: hatched over the neutral @color */
} SpHeatmapCell;

typedef struct
{
  double         width, height;
  SpChartRect    grid;
  SpChartTicks   ticks;          /* the colour scale runs from ticks.lower to ticks.upper */
  guint          n_rows, n_columns;
  SpHeatmapCell *cells;          /* row after row */
  gboolean       show_values;    /* every cell with a value is labelled with it */
  guint          row_step;       /* 1: every row named, 2: every other … */
  guint          column_step;
  SpChartRect    legend;         /* the colour ramp */
  SpChartRect    legend_empty;   /* the "no value" swatch; zero when every cell has a value */
  GArray        *labels;         /* SpChartLabel, item = the cell for values; none overlap */
} SpHeatmapLayout;

/* The scale's colour at @t (0 … 1, lowest to highest) for @style's palette. Lightness
 * changes monotonically with @t, so the order survives any colour-vision deficiency and
 * greyscale print. */
void      sp_heatmap_color            (const SpChartStyle    *style,
                                       double                 t,
                                       SpChartColor          *out);

/* @context may be NULL. Clear @out with sp_heatmap_layout_clear. */
void      sp_heatmap_chart_layout     (const SpHeatmapData   *data,
                                       const SpChartStyle    *style,
                                       PangoContext          *context,
                                       double                 width,
                                       double                 height,
                                       SpHeatmapLayout       *out);
void      sp_heatmap_layout_clear     (SpHeatmapLayout       *layout);
/* The cell (row × n_columns + column) under (@x, @y), or -1. */
int       sp_heatmap_layout_hit_test  (const SpHeatmapLayout *layout,
                                       double                 x,
                                       double                 y);
void      sp_heatmap_chart_paint      (cairo_t               *cr,
                                       const SpHeatmapLayout *layout,
                                       const SpChartStyle    *style);
/* Lays out and paints the whole chart, background included, in (0, 0, @width, @height). */
void      sp_heatmap_chart_draw       (cairo_t               *cr,
                                       const SpHeatmapData   *data,
                                       const SpChartStyle    *style,
                                       double                 width,
                                       double                 height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpHeatmapLayout, sp_heatmap_layout_clear)

G_END_DECLS
