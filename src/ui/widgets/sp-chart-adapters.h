/* sp-chart-adapters.h — the charts of src/charts plugged into SpChartView: the SpChartAdapter
 * (layout, paint, hit test, tooltips, summary, table) of each chart type over its owned data
 * (sp-chart-data.h, built by sp-chart-sources.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-chart-data.h"
#include "sp-chart-view.h"

G_BEGIN_DECLS

extern const SpChartAdapter sp_kpi_chart_adapter;
extern const SpChartAdapter sp_funnel_chart_adapter;
extern const SpChartAdapter sp_attainment_chart_adapter;
extern const SpChartAdapter sp_ranking_chart_adapter;
extern const SpChartAdapter sp_burnup_chart_adapter;
extern const SpChartAdapter sp_heatmap_chart_adapter;

/* The funnel's layout functions, for other adapters over an SpFunnelChart (the Funnel
 * page's cohort chart). */
gpointer sp_funnel_chart_adapter_layout      (gconstpointer       data,
                                              const SpChartStyle *style,
                                              double              width,
                                              double              height);
void     sp_funnel_chart_adapter_paint       (gconstpointer       layout,
                                              cairo_t            *cr,
                                              const SpChartStyle *style);
int      sp_funnel_chart_adapter_hit_test    (gconstpointer       layout,
                                              double              x,
                                              double              y);
void     sp_funnel_chart_adapter_layout_free (gpointer            layout);

G_END_DECLS
