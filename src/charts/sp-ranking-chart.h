/* sp-ranking-chart.h — the ranking board (战报): reps sorted by value as horizontal bars
 *
 * One row per rep, best first: the rank (the first three on a badge in the highlight
 * colour), the name, a bar as long as the value with the value at its end and a mark at the
 * target, and the attainment on the right. Rows that do not fit are counted in a footer.
 * The layout is computed apart from the drawing.
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
  const char *label;    /* rep (or team, region) name */
  gint64      value;    /* minor units */
  gint64      target;   /* minor units; 0 or less: no target mark and no attainment */
} SpRankingItem;

typedef struct
{
  const char          *title;       /* optional */
  guint                n_items;
  const SpRankingItem *items;       /* in any order */
  guint                max_rows;    /* 0: as many as fit */
  /* Formats amounts (minor units); NULL shows plain numbers. The app passes
   * sp_chart_format_money with the workspace currency. */
  SpChartFormatFunc    format_amount;
  gpointer             format_data;
} SpRankingData;

#define SP_RANKING_N_HIGHLIGHTED 3

typedef struct
{
  guint       item;         /* index into the data's items */
  guint       rank;         /* 1 … n: the row's position */
  gboolean    highlighted;  /* one of the first SP_RANKING_N_HIGHLIGHTED */
  SpChartRect badge;        /* the rank's circle (highlighted rows) or its cell */
  SpChartRect bar;          /* from the zero line to the value, on whole pixels */
  double      target_x;     /* the target mark; NAN for no target */
  double      attainment;   /* value / target; NAN for no target */
  SpChartRect hit;          /* the whole row */
} SpRankingRow;

typedef struct
{
  double        width, height;
  SpChartRect   content;
  SpChartScale  scale;          /* minor units → x */
  double        zero_x;
  gboolean      show_legend;
  SpChartRect   legend_target;  /* the target mark's sample */
  guint         n_rows;         /* the rows shown */
  SpRankingRow *rows;           /* best first */
  guint         n_hidden;       /* items without a row (they did not fit, or max_rows) */
  GArray       *labels;         /* SpChartLabel, item = the data item; none overlap */
} SpRankingLayout;

/* @context may be NULL. Clear @out with sp_ranking_layout_clear. */
void      sp_ranking_chart_layout      (const SpRankingData   *data,
                                        const SpChartStyle    *style,
                                        PangoContext          *context,
                                        double                 width,
                                        double                 height,
                                        SpRankingLayout       *out);
void      sp_ranking_layout_clear      (SpRankingLayout       *layout);
/* The data item (index into the data's items) whose row holds (@x, @y), or -1. */
int       sp_ranking_layout_hit_test   (const SpRankingLayout *layout,
                                        double                 x,
                                        double                 y);
void      sp_ranking_chart_paint       (cairo_t               *cr,
                                        const SpRankingLayout *layout,
                                        const SpChartStyle    *style);
/* Lays out and paints the whole chart, background included, in (0, 0, @width, @height). */
void      sp_ranking_chart_draw        (cairo_t               *cr,
                                        const SpRankingData   *data,
                                        const SpChartStyle    *style,
                                        double                 width,
                                        double                 height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpRankingLayout, sp_ranking_layout_clear)

G_END_DECLS
