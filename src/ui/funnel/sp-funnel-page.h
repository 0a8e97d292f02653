/* sp-funnel-page.h — the Funnel view: the pipeline by stage (count or amount) with conversion,
 * days in stage, velocity and the weighted forecast, beside the activity funnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-chart-view.h"
#include "sp-opportunity.h"
#include "sp-funnel-chart.h"
#include "sp-period-filter.h"
#include "sp-page.h"
#include "sp-preferences.h"

G_BEGIN_DECLS

#define SP_TYPE_FUNNEL_PAGE (sp_funnel_page_get_type ())
G_DECLARE_FINAL_TYPE (SpFunnelPage, sp_funnel_page, SP, FUNNEL_PAGE, SpPage)

SpPeriodFilter *sp_funnel_page_get_filter      (SpFunnelPage   *self);
SpFunnelMode    sp_funnel_page_get_mode        (SpFunnelPage   *self);
void            sp_funnel_page_set_mode        (SpFunnelPage   *self,
                                                SpFunnelMode    mode);
SpChartView    *sp_funnel_page_get_pipeline    (SpFunnelPage   *self);
SpChartView    *sp_funnel_page_get_activity    (SpFunnelPage   *self);
/* Shows the figures of pipeline stage @index (-1: none) below the funnels. */
void            sp_funnel_page_select_stage    (SpFunnelPage   *self,
                                                int             index);
/* The text shown for the selected stage, for tests. */
const char     *sp_funnel_page_get_stage_text  (SpFunnelPage   *self);
/* The selected stage's opportunities, largest amount first: its model's items are
 * SpOpportunityItem (empty, list hidden: no stage selected). */
GtkColumnView  *sp_funnel_page_get_opportunity_view (SpFunnelPage *self);
/* Opens the opportunity editor for a new opportunity (in the selected open stage, if any)
 * or for opportunity @id (what activating a row of the list does); returns the dialog. */
GtkWidget      *sp_funnel_page_new_opportunity  (SpFunnelPage   *self);
GtkWidget      *sp_funnel_page_edit_opportunity (SpFunnelPage   *self,
                                                 gint64          id);

/* One opportunity of a stage's list (the opportunity view's items). */
#define SP_TYPE_OPPORTUNITY_ITEM (sp_opportunity_item_get_type ())
G_DECLARE_FINAL_TYPE (SpOpportunityItem, sp_opportunity_item, SP, OPPORTUNITY_ITEM, GObject)

/* Takes @opportunity. */
SpOpportunityItem   *sp_opportunity_item_new             (SpOpportunity     *opportunity);
const SpOpportunity *sp_opportunity_item_get_opportunity (SpOpportunityItem *self);

G_END_DECLS
