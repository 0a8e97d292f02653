/* sp-funnel-chart.h — the sales funnel: one tapered band per stage
 *
 * The layout (bands, labels, hit areas) is computed apart from the drawing so that it can be
 * tested and used for pointer hit tests; sp_funnel_chart_draw() computes it and paints it.
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

typedef enum
{
  SP_FUNNEL_MODE_COUNT,    /* band widths by number of opportunities (or activities) */
  SP_FUNNEL_MODE_AMOUNT,   /* band widths by amount */
} SpFunnelMode;

typedef struct
{
  const char *label;        /* translated stage name */
  gint64      count;
  gint64      amount;       /* minor units */
  double      conversion;   /* from the previous stage, 0.42 for 42%; NAN when unknown or first */
  double      mean_days;    /* mean days spent in the stage; NAN when unknown */
} SpFunnelStage;

typedef struct
{
  const char          *title;           /* optional */
  SpFunnelMode         mode;
  guint                n_stages;
  const SpFunnelStage *stages;
  /* Formats amounts (minor units); NULL shows plain numbers. The app passes
   * sp_chart_format_money with the workspace currency. */
  SpChartFormatFunc    format_amount;
  gpointer             format_data;
  /* Optional: a line under the funnel, left of the overall conversion (the opportunities
   * lost aside, "Lost 2 (¥270.00)"). */
  const char          *note;
} SpFunnelData;

typedef struct
{
  double      center_x;
  double      y, height;
  double      top_width;      /* proportional to the stage's value (at least min_band_width) */
  double      bottom_width;   /* the next stage's top width; the last band is not tapered */
  SpChartRect hit;            /* the stage's row, across the whole chart */
} SpFunnelBand;

typedef struct
{
  double        width, height;
  SpChartRect   content;          /* inside the padding */
  double        funnel_width;     /* the band width of the largest stage */
  double        min_band_width;
  guint         n_bands;
  SpFunnelBand *bands;
  GArray       *labels;           /* SpChartLabel; never overlapping, all inside the chart */
} SpFunnelLayout;

/* @context may be NULL (a measuring context is made). Clear @out with sp_funnel_layout_clear. */
void      sp_funnel_chart_layout      (const SpFunnelData   *data,
                                       const SpChartStyle   *style,
                                       PangoContext         *context,
                                       double                width,
                                       double                height,
                                       SpFunnelLayout       *out);
void      sp_funnel_layout_clear      (SpFunnelLayout       *layout);
/* The stage under (@x, @y), or -1. */
int       sp_funnel_layout_hit_test   (const SpFunnelLayout *layout,
                                       double                x,
                                       double                y);
void      sp_funnel_chart_paint       (cairo_t              *cr,
                                       const SpFunnelLayout *layout,
                                       const SpChartStyle   *style);
/* Lays out and paints the whole chart, background included, in (0, 0, @width, @height). */
void      sp_funnel_chart_draw        (cairo_t              *cr,
                                       const SpFunnelData   *data,
                                       const SpChartStyle   *style,
                                       double                width,
                                       double                height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpFunnelLayout, sp_funnel_layout_clear)

G_END_DECLS
