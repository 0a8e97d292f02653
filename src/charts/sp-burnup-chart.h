/* sp-burnup-chart.h — cumulative burn-up: target line, actual to date, run-rate projection
 *
 * The period runs over @total_days days (calendar or working days, as the caller counts
 * them). The target line rises from nothing at the start to the target at the end; the
 * cumulative actual follows day by day; the run rate so far is projected to the period's
 * end; and the amount still needed per remaining day to reach the target is stated above
 * the plot. The layout is computed apart from the drawing.
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
  const char        *title;            /* optional */
  gint64             target;           /* for the whole period, minor units */
  guint              total_days;       /* days in the period; 0 is "No data" */
  guint              elapsed_days;     /* days done, 0 … total_days */
  const gint64      *daily_actual;     /* @elapsed_days amounts (minor units), one per day */
  /* Formats amounts (minor units); NULL shows plain numbers. The app passes
   * sp_chart_format_money with the workspace currency. */
  SpChartFormatFunc  format_amount;
  gpointer           format_data;
  /* Labels the day axis at the end of the period's day @value (1 … total_days): the app
   * passes the date of that day. NULL shows the day's number. */
  SpChartFormatFunc  format_day;
  gpointer           format_day_data;
} SpBurnupData;

typedef enum
{
  SP_BURNUP_NEEDED,          /* needed_per_day over the remaining days reaches the target */
  SP_BURNUP_TARGET_MET,      /* the actual has reached the target: nothing more is needed */
  SP_BURNUP_NO_DAYS_LEFT,    /* the period is over and the target was missed by shortfall */
  SP_BURNUP_NO_TARGET,       /* a target of zero or less */
} SpBurnupStatus;

typedef struct
{
  SpChartPoint start, end;
} SpBurnupLine;

typedef struct
{
  double          width, height;
  SpChartRect     plot;
  SpChartTicks    value_ticks;      /* the value axis: 0 … at least the target and projection */
  SpChartTicks    day_ticks;        /* the day axis's ticks, all within 0 … total_days */
  SpChartScale    x_scale;          /* days done → x */
  SpChartScale    y_scale;          /* minor units → y */

  /* The figures, in exact integer arithmetic. */
  gint64          actual;           /* cumulative actual to date */
  gint64          projected;        /* actual × total_days / elapsed_days, rounded half away
                                     * from zero; the actual when no day has passed */
  SpBurnupStatus  status;
  guint           remaining_days;   /* total_days − elapsed_days */
  gint64          needed_per_day;   /* ceil ((target − actual) / remaining_days); 0 when met */
  gint64          shortfall;        /* target − actual when the period is over, else 0 */

  /* Device coordinates. */
  SpBurnupLine    target_line;      /* (0, 0) → (total_days, target) in scale coordinates */
  gboolean        has_projection;
  SpBurnupLine    projection;       /* (elapsed, actual) → (total_days, projected) */
  guint           n_points;         /* elapsed_days + 1: the start, then each day's end */
  SpChartPoint   *points;           /* the cumulative actual */
  double          today_x;          /* NAN when the period has not started or is over */
  gboolean        show_legend;
  SpChartRect     legend_target;    /* the legend's line samples */
  SpChartRect     legend_actual;
  SpChartRect     legend_projection;
  guint           n_days;           /* total_days: the hit areas */
  GArray         *labels;           /* SpChartLabel; never overlapping, all inside */
} SpBurnupLayout;

/* Only the figures of @out (actual … shortfall, has_projection), without a layout. */
void      sp_burnup_compute_figures   (const SpBurnupData   *data,
                                       SpBurnupLayout       *out);
/* @context may be NULL. Clear @out with sp_burnup_layout_clear. */
void      sp_burnup_chart_layout      (const SpBurnupData   *data,
                                       const SpChartStyle   *style,
                                       PangoContext         *context,
                                       double                width,
                                       double                height,
                                       SpBurnupLayout       *out);
void      sp_burnup_layout_clear      (SpBurnupLayout       *layout);
/* The day (0 … total_days − 1) whose column of the plot holds (@x, @y), or -1. */
int       sp_burnup_layout_hit_test   (const SpBurnupLayout *layout,
                                       double                x,
                                       double                y);
void      sp_burnup_chart_paint       (cairo_t              *cr,
                                       const SpBurnupLayout *layout,
                                       const SpChartStyle   *style);
/* Lays out and paints the whole chart, background included, in (0, 0, @width, @height). */
void      sp_burnup_chart_draw        (cairo_t              *cr,
                                       const SpBurnupData   *data,
                                       const SpChartStyle   *style,
                                       double                width,
                                       double                height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpBurnupLayout, sp_burnup_layout_clear)

G_END_DECLS
