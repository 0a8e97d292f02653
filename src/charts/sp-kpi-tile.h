/* sp-kpi-tile.h — one KPI as a tile: name, figure, change on the previous period, sparkline
 *
 * Made for a dashboard grid (about 240x140 and up): the figure is as big as the tile allows
 * and shrinks to fit rather than lose a digit; the change reads ▲ or ▼ with its percentage,
 * green when it is good news (a fall is good news for a KPI where lower is better, such as
 * the win cycle). The layout is computed apart from the drawing.
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
  const char        *name;              /* translated KPI name, e.g. "Win rate" */
  double             value;             /* this period's; NAN: no data */
  double             previous;          /* the previous period's; NAN: nothing to compare */
  gboolean           lower_is_better;   /* the win cycle: a fall is good news */
  guint              n_points;          /* the sparkline, oldest first; NAN leaves a gap */
  const double      *points;
  /* Formats the value: sp_chart_format_money (with the currency) for amounts,
   * sp_chart_format_ratio for rates; NULL shows plain numbers. */
  SpChartFormatFunc  format_value;
  gpointer           format_data;
} SpKpiTileData;

typedef enum
{
  SP_KPI_TREND_NONE,   /* nothing to compare with (no previous value, or a previous of 0) */
  SP_KPI_TREND_UP,     /* ▲ */
  SP_KPI_TREND_DOWN,   /* ▼ */
  SP_KPI_TREND_FLAT,   /* the same as before */
} SpKpiTrend;

typedef struct
{
  double        width, height;
  SpChartRect   content;
  SpKpiTrend    trend;
  double        change;            /* (value − previous) / |previous|; NAN for no trend */
  gboolean      good;              /* the change is good news */
  double        value_font_size;   /* the figure's pixel size once shrunk to fit; 0 if not shown */
  SpChartRect   sparkline;         /* all zero when there is no room or nothing to draw */
  guint         n_points;
  SpChartPoint *points;            /* in the sparkline's box; y is NAN for a gap */
  GArray       *labels;            /* SpChartLabel; never overlapping, all inside */
} SpKpiTileLayout;

/* @context may be NULL. Clear @out with sp_kpi_tile_layout_clear. */
void      sp_kpi_tile_layout          (const SpKpiTileData   *data,
                                       const SpChartStyle    *style,
                                       PangoContext          *context,
                                       double                 width,
                                       double                 height,
                                       SpKpiTileLayout       *out);
void      sp_kpi_tile_layout_clear    (SpKpiTileLayout       *layout);
/* The sparkline point nearest (@x, @y) across the sparkline's box, or -1 outside it. */
int       sp_kpi_tile_layout_hit_test (const SpKpiTileLayout *layout,
                                       double                 x,
                                       double                 y);
void      sp_kpi_tile_paint           (cairo_t               *cr,
                                       const SpKpiTileLayout *layout,
                                       const SpChartStyle    *style);
/* Lays out and paints the whole tile, background included, in (0, 0, @width, @height). */
void      sp_kpi_tile_draw            (cairo_t               *cr,
                                       const SpKpiTileData   *data,
                                       const SpChartStyle    *style,
                                       double                 width,
                                       double                 height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpKpiTileLayout, sp_kpi_tile_layout_clear)

G_END_DECLS
