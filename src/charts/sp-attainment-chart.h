/* sp-attainment-chart.h — target against actual, one pair of bars per period, region or rep
 *
 * The target is an outlined bar, the actual a filled one beside it (in the "positive" colour
 * once it reaches the target), the attainment above each pair. The layout (scale, ticks,
 * bars, labels, hit areas) is computed apart from the drawing.
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
  const char *label;    /* translated period, region or rep name */
  gint64      target;   /* minor units */
  gint64      actual;   /* minor units */
} SpAttainmentItem;

typedef struct
{
  const char             *title;          /* optional */
  guint                   n_items;
  const SpAttainmentItem *items;
  /* Formats amounts (minor units) on the value axis; NULL shows plain numbers. The app
   * passes sp_chart_format_money with the workspace currency. */
  SpChartFormatFunc       format_amount;
  gpointer                format_data;
} SpAttainmentData;

typedef enum
{
  SP_ATTAINMENT_LABELS_HORIZONTAL,   /* category names under the bars, ellipsized to the slot */
  SP_ATTAINMENT_LABELS_ROTATED,      /* turned 45° to read up towards their bar */
} SpAttainmentLabelMode;

typedef struct
{
  double      center_x;
  SpChartRect target;     /* the outlined target bar */
  SpChartRect actual;     /* the filled actual bar */
  gboolean    met;        /* target > 0 and actual >= target */
  double      attainment; /* actual / target, NAN for a target of zero or less */
  SpChartRect hit;        /* the item's column, bars and labels */
} SpAttainmentBar;

typedef struct
{
  double                 width, height;
  SpChartRect            plot;            /* the bars' area; ticks span its height */
  SpChartTicks           ticks;
  SpChartScale           scale;           /* value (minor units) → y */
  double                 slot_width;
  SpAttainmentLabelMode  label_mode;
  guint                  label_step;      /* 1: every category named, 2: every other … */
  gboolean               show_legend;
  SpChartRect            legend_target;   /* the legend's swatches */
  SpChartRect            legend_actual;
  SpChartRect            legend_met;
  guint                  n_bars;
  SpAttainmentBar       *bars;
  GArray                *labels;          /* SpChartLabel; never overlapping, all inside */
} SpAttainmentLayout;

/* @context may be NULL. Clear @out with sp_attainment_layout_clear. */
void      sp_attainment_chart_layout      (const SpAttainmentData   *data,
                                           const SpChartStyle       *style,
                                           PangoContext             *context,
                                           double                    width,
                                           double                    height,
                                           SpAttainmentLayout       *out);
void      sp_attainment_layout_clear      (SpAttainmentLayout       *layout);
/* The item under (@x, @y), or -1. */
int       sp_attainment_layout_hit_test   (const SpAttainmentLayout *layout,
                                           double                    x,
                                           double                    y);
void      sp_attainment_chart_paint       (cairo_t                  *cr,
                                           const SpAttainmentLayout *layout,
                                           const SpChartStyle       *style);
/* Lays out and paints the whole chart, background included, in (0, 0, @width, @height). */
void      sp_attainment_chart_draw        (cairo_t                  *cr,
                                           const SpAttainmentData   *data,
                                           const SpChartStyle       *style,
                                           double                    width,
                                           double                    height);

/* "105%", "-12%", "—" for no target: truncated, so 99.6% of target never reads "100%". */
char     *sp_attainment_format            (gint64                    actual,
                                           gint64                    target);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpAttainmentLayout, sp_attainment_layout_clear)

G_END_DECLS
