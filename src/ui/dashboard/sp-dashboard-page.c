/* sp-dashboard-page.c — the Dashboard view: the six KPI tiles with sparklines, attainment by
 * region (or rep), the burn-up, the ranking board (战报) and the region by month heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-dashboard-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"
#include "sp-metrics.h"

#include "sp-chart-adapters.h"
#include "sp-chart-sources.h"
#include "sp-dashboard-page.h"

struct _SpDashboardPage
{
  SpPage          parent_instance;

  GtkWidget      *scroller;
  SpPeriodFilter *filter;
  GtkGrid        *tiles;
  SpChartView    *tile[SP_DASHBOARD_N_TILES];
  SpChartView    *attainment;
  SpChartView    *burnup;
  SpChartView    *ranking;
  SpChartView    *heatmap;
};

G_DEFINE_FINAL_TYPE (SpDashboardPage, sp_dashboard_page, SP_TYPE_PAGE)

static void
sp_dashboard_page_refresh (SpPage *page)
{
  SpDashboardPage *self = SP_DASHBOARD_PAGE (page);
  SpPreferences *preferences = sp_page_get_preferences (page);
  g_autoptr(SpCalendar) calendar = preferences ? sp_preferences_dup_calendar (preferences)
                                               : sp_calendar_new (G_DATE_JANUARY);
  const SpCurrency *currency = preferences ? sp_preferences_get_currency (preferences)
                                           : sp_currency_lookup ("CNY");
  SpChartPeriodKind kind = (SpChartPeriodKind) sp_period_filter_get_period (self->filter);
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;
  SpChartSource source = {
    .store = sp_page_get_store (page),
    .currency = currency,
    .calendar = calendar,
  };

  sp_period_filter_get_today (self->filter, &source.today);
  sp_period_filter_get_filter (self->filter, 0, &filter);

  /* Every chart from sp-chart-sources, as the report and the CLI draw them. */
  if (source.store != NULL)
    tiles = sp_chart_sources_kpis (&source, kind, &filter, &error);
  if (tiles == NULL)
    g_debug ("KPIs: %s", error ? error->message : "no workspace");
  for (guint i = 0; i < SP_DASHBOARD_N_TILES; i++)
    {
      SpKpiChart *chart = tiles != NULL ? g_steal_pointer (&tiles->pdata[i])
                                        : sp_kpi_chart_new (currency);

      sp_chart_view_set_title (self->tile[i], chart->name);
      sp_chart_view_set_chart (self->tile[i], &sp_kpi_chart_adapter, chart,
                               (GDestroyNotify) sp_kpi_chart_free);
    }
  g_clear_error (&error);

  /* A chart whose figures could not be read shows empty. */
#define SHOW(view, adapter, Type, build, free_func, new_func) \
  G_STMT_START { \
    Type *chart = source.store ? build (&source, kind, &filter, &error) : NULL; \
    if (chart == NULL) \
      { \
        g_debug ("%s: %s", adapter.name, error ? error->message : "no workspace"); \
        chart = new_func (currency); \
      } \
    sp_chart_view_set_title (view, chart->title); \
    sp_chart_view_set_chart (view, &adapter, chart, (GDestroyNotify) free_func); \
    g_clear_error (&error); \
  } G_STMT_END

  SHOW (self->attainment, sp_attainment_chart_adapter, SpPairChart, sp_chart_sources_attainment,
        sp_pair_chart_free, sp_pair_chart_new);
  SHOW (self->burnup, sp_burnup_chart_adapter, SpBurnupChart, sp_chart_sources_burnup,
        sp_burnup_chart_free, sp_burnup_chart_new);
  SHOW (self->ranking, sp_ranking_chart_adapter, SpPairChart, sp_chart_sources_ranking,
        sp_pair_chart_free, sp_pair_chart_new);
  SHOW (self->heatmap, sp_heatmap_chart_adapter, SpHeatmapChart, sp_chart_sources_heatmap,
        sp_heatmap_chart_free, sp_heatmap_chart_new);
#undef SHOW
}

static void
filter_changed_cb (SpDashboardPage *self)
{
  sp_page_queue_refresh (SP_PAGE (self));
}

/* The filter's lists of reps and regions follow the workspace; the reload itself does not
 * count as a change of filter, so the page refreshes once. */
static void
sp_dashboard_page_workspace_changed (SpPage *page)
{
  SpDashboardPage *self = SP_DASHBOARD_PAGE (page);

  g_signal_handlers_block_by_func (self->filter, filter_changed_cb, self);
  sp_period_filter_reload (self->filter);
  g_signal_handlers_unblock_by_func (self->filter, filter_changed_cb, self);
  SP_PAGE_CLASS (sp_dashboard_page_parent_class)->workspace_changed (page);
}

static void
sp_dashboard_page_workspace_set (SpPage      *page,
                                 SpWorkspace *workspace)
{
  SpDashboardPage *self = SP_DASHBOARD_PAGE (page);

  g_signal_handlers_block_by_func (self->filter, filter_changed_cb, self);
  sp_period_filter_set_preferences (self->filter, sp_workspace_get_preferences (workspace));
  g_signal_handlers_unblock_by_func (self->filter, filter_changed_cb, self);
}

SpPeriodFilter *
sp_dashboard_page_get_filter (SpDashboardPage *self)
{
  g_return_val_if_fail (SP_IS_DASHBOARD_PAGE (self), NULL);
  return self->filter;
}

SpChartView *
sp_dashboard_page_get_tile (SpDashboardPage *self,
                            guint            index)
{
  g_return_val_if_fail (SP_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (index < SP_DASHBOARD_N_TILES, NULL);
  return self->tile[index];
}

SpChartView *
sp_dashboard_page_get_chart (SpDashboardPage *self,
                             SpDashboardChart chart)
{
  g_return_val_if_fail (SP_IS_DASHBOARD_PAGE (self), NULL);

  switch (chart)
    {
    case SP_DASHBOARD_CHART_ATTAINMENT:
      return self->attainment;
    case SP_DASHBOARD_CHART_BURNUP:
      return self->burnup;
    case SP_DASHBOARD_CHART_RANKING:
      return self->ranking;
    case SP_DASHBOARD_CHART_HEATMAP:
    default:
      return self->heatmap;
    }
}

static void
sp_dashboard_page_dispose (GObject *object)
{
  SpDashboardPage *self = SP_DASHBOARD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (sp_dashboard_page_parent_class)->dispose (object);
}

static void
sp_dashboard_page_class_init (SpDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPageClass *page_class = SP_PAGE_CLASS (klass);

  object_class->dispose = sp_dashboard_page_dispose;
  page_class->workspace_set = sp_dashboard_page_workspace_set;
  page_class->workspace_changed = sp_dashboard_page_workspace_changed;
  page_class->refresh = sp_dashboard_page_refresh;

  g_type_ensure (SP_TYPE_CHART_VIEW);
  g_type_ensure (SP_TYPE_PERIOD_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, filter);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, attainment);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, burnup);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, ranking);
  gtk_widget_class_bind_template_child (widget_class, SpDashboardPage, heatmap);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-dashboard-page");
}

static void
sp_dashboard_page_init (SpDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SP_DASHBOARD_N_TILES; i++)
    {
      self->tile[i] = SP_CHART_VIEW (sp_chart_view_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->tile[i]), 220, 140);
      gtk_widget_set_hexpand (GTK_WIDGET (self->tile[i]), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->tile[i]), "card");
      gtk_widget_add_css_class (GTK_WIDGET (self->tile[i]), "sp-kpi-tile");
      sp_chart_view_set_menu_visible (self->tile[i], FALSE);
      gtk_grid_attach (self->tiles, GTK_WIDGET (self->tile[i]), i % 3, i / 3, 1, 1);
    }
}
