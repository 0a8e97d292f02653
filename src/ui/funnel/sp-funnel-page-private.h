/* sp-funnel-page-private.h — what the Funnel view's files share: the page's fields and the
 * pipeline (cohort funnel), stage and opportunity-list code of sp-funnel-page-stage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-model.h"
#include "sp-metrics.h"

#include "sp-chart-adapters.h"
#include "sp-chart-sources.h"
#include "sp-funnel-page.h"

G_BEGIN_DECLS

struct _SpFunnelPage
{
  SpPage          parent_instance;

  int             selected_stage;

  GtkWidget      *scroller;
  SpPeriodFilter *filter;
  GtkToggleButton *count_button;
  GtkToggleButton *amount_button;
  GtkFlowBox     *figures;
  SpChartView    *pipeline;
  SpChartView    *activity;
  GtkLabel       *stage_heading;
  GtkLabel       *stage_label;
  GtkWidget      *opportunities_box;
  GtkLabel       *opportunities_heading;
  GtkLabel       *opportunities_empty;
  GtkWidget      *opportunities_scroller;
  GtkColumnView  *opportunities_view;
  GListStore     *opportunities;
  GArray         *stage_ids;       /* gint64: pipeline_stage id of each chart stage */
  GtkListBox     *forecast_list;
};

/* The pipeline chart shows the cohort funnel of sp-chart-sources (an SpFunnelChart with
 * its cohort figures and lost line) through this adapter, whose texts follow the cohort. */
extern const SpChartAdapter sp_cohort_chart_adapter;

/* What the pipeline chart counts, for tooltips. */
const char *sp_funnel_page_cohort_definition (void);
SpStore  *sp_funnel_page_get_store          (SpFunnelPage          *self);
char     *sp_funnel_page_money              (SpFunnelPage          *self,
                                             gint64                 amount);
/* Shows the cohort funnel of @funnel (NULL: empty) in the pipeline chart. */
void      sp_funnel_page_refresh_pipeline   (SpFunnelPage          *self,
                                             const SpChartSource   *source,
                                             const SpMetricsFunnel *funnel);
/* Sets up the stage's opportunity list (columns, activation opens the editor). */
void      sp_funnel_page_init_opportunities (SpFunnelPage          *self);

G_END_DECLS
