/* sp-dashboard-page.h — the Dashboard view: the six KPIs, attainment, burn-up, ranking (战报)
 * and the region by month heatmap for a period, rep and region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-chart-view.h"
#include "sp-page.h"
#include "sp-period-filter.h"
#include "sp-preferences.h"

G_BEGIN_DECLS

typedef enum
{
  SP_DASHBOARD_CHART_ATTAINMENT,
  SP_DASHBOARD_CHART_BURNUP,
  SP_DASHBOARD_CHART_RANKING,
  SP_DASHBOARD_CHART_HEATMAP,
} SpDashboardChart;

#define SP_DASHBOARD_N_TILES 6

#define SP_TYPE_DASHBOARD_PAGE (sp_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (SpDashboardPage, sp_dashboard_page, SP, DASHBOARD_PAGE, SpPage)

/* The filter bar (period, rep, region; "today"). */
SpPeriodFilter *sp_dashboard_page_get_filter      (SpDashboardPage *self);
/* The KPI tiles (0 … SP_DASHBOARD_N_TILES − 1) and charts, for tests. */
SpChartView    *sp_dashboard_page_get_tile        (SpDashboardPage *self,
                                                   guint            index);
SpChartView    *sp_dashboard_page_get_chart       (SpDashboardPage *self,
                                                   SpDashboardChart chart);

G_END_DECLS
