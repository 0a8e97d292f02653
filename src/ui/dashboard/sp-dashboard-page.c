/* sp-dashboard-page.c — the Dashboard view: the six KPI tiles with sparklines, attainment by
 * region (or rep), the burn-up, the ranking board (战报) and the region by month heatmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-dashboard-page"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"
#include "sp-metrics.h"

#include "sp-chart-adapters.h"
#include "sp-dashboard-page.h"
#include "sp-display.h"

/* Periods in each sparkline, the current one last. */
#define N_SPARK 6

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

static const struct
{
  SpMetricKind     kind;
  SpChartValueKind value_kind;
  gboolean         lower_is_better;
} tile_info[SP_DASHBOARD_N_TILES] = {
  { SP_METRIC_EFFECTIVE_LEADS, SP_CHART_VALUE_COUNT, FALSE },
  { SP_METRIC_EFFECTIVE_OPPORTUNITIES, SP_CHART_VALUE_COUNT, FALSE },
  { SP_METRIC_WIN_RATE, SP_CHART_VALUE_RATIO, FALSE },
  { SP_METRIC_WIN_CYCLE, SP_CHART_VALUE_DAYS, TRUE },
  { SP_METRIC_AVERAGE_DEAL_SIZE, SP_CHART_VALUE_MONEY, FALSE },
  { SP_METRIC_COLLECTION_RATE, SP_CHART_VALUE_RATIO, FALSE },
};

static double
kpi_value (const SpMetricsKpis *kpis,
           SpMetricKind         kind)
{
  if (kind == SP_METRIC_EFFECTIVE_LEADS)
    return (double) kpis->effective_leads;
  if (kind == SP_METRIC_EFFECTIVE_OPPORTUNITIES)
    return (double) kpis->effective_opportunities;
  if (kind == SP_METRIC_WIN_RATE)
    return sp_metrics_rate_to_double (kpis->win_rate);
  if (kind == SP_METRIC_WIN_CYCLE)
    return sp_metrics_rate_to_double (kpis->win_cycle);
  if (kind == SP_METRIC_AVERAGE_DEAL_SIZE)
    return kpis->average_deal_size.defined ? (double) kpis->average_deal_size.value : NAN;
  if (kind == SP_METRIC_COLLECTION_RATE)
    return sp_metrics_rate_to_double (kpis->collection_rate);
  return NAN;
}

static SpStore *
get_store (SpDashboardPage *self)
{
  return sp_page_get_store (SP_PAGE (self));
}

static const SpCurrency *
get_currency (SpDashboardPage *self)
{
  return sp_page_get_preferences (SP_PAGE (self))
         ? sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self)))
                           : sp_currency_lookup ("CNY");
}

static void
refresh_tiles (SpDashboardPage *self)
{
  SpStore *store = get_store (self);
  SpMetricsKpis kpis[N_SPARK];
  gboolean have[N_SPARK];
  char *names[N_SPARK] = { NULL };

  for (guint back = 0; back < N_SPARK; back++)
    {
      SpMetricsFilter filter;
      g_autoptr(GError) error = NULL;
      guint slot = N_SPARK - 1 - back;

      sp_period_filter_get_filter (self->filter, back, &filter);
      names[slot] = sp_period_filter_dup_period_name (self->filter, back);
      have[slot] = store != NULL && sp_metrics_get_kpis (store, &filter, &kpis[slot], &error);
      if (error != NULL)
        g_debug ("KPIs: %s", error->message);
    }

  for (guint i = 0; i < SP_DASHBOARD_N_TILES; i++)
    {
      SpKpiChart *chart = sp_kpi_chart_new (get_currency (self));

      chart->name = g_strdup (sp_metric_get_name (tile_info[i].kind));
      chart->definition = g_strdup (sp_metric_get_definition (tile_info[i].kind));
      chart->undefined_reason = g_strdup (sp_metric_get_undefined_reason (tile_info[i].kind));
      chart->value_kind = tile_info[i].value_kind;
      chart->lower_is_better = tile_info[i].lower_is_better;
      for (guint slot = 0; slot < N_SPARK; slot++)
        {
          double value = have[slot] ? kpi_value (&kpis[slot], tile_info[i].kind) : NAN;

          g_array_append_val (chart->points, value);
          g_ptr_array_add (chart->point_labels, g_strdup (names[slot]));
        }
      chart->value = g_array_index (chart->points, double, N_SPARK - 1);
      chart->previous = g_array_index (chart->points, double, N_SPARK - 2);
      sp_chart_view_set_title (self->tile[i], chart->name);
      sp_chart_view_set_chart (self->tile[i], &sp_kpi_chart_adapter, chart,
                               (GDestroyNotify) sp_kpi_chart_free);
    }

  for (guint slot = 0; slot < N_SPARK; slot++)
    g_free (names[slot]);
}

static void
add_pair (SpPairChart *chart,
          const char  *label,
          gint64       target,
          gint64       actual)
{
  SpChartPair pair = { g_strdup (label), target, actual };

  g_array_append_val (chart->items, pair);
}

static GPtrArray *
get_ranking (SpDashboardPage       *self,
             const SpMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ranking = NULL;

  if (get_store (self) != NULL)
    ranking = sp_metrics_get_ranking (get_store (self), filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                      SP_METRICS_RANK_BY_ACTUAL, &error);
  if (error != NULL)
    g_debug ("ranking: %s", error->message);
  return ranking;
}

static void
refresh_attainment (SpDashboardPage       *self,
                    const SpMetricsFilter *filter,
                    const char            *period)
{
  SpPairChart *chart = sp_pair_chart_new (get_currency (self));
  SpStore *store = get_store (self);

  if (filter->rep_id == 0 && filter->region_id == 0 && store != NULL)
    {
      g_autoptr(GListModel) regions = sp_region_list (store, NULL);

      chart->title = g_strdup (_("Attainment by Region"));
      for (guint i = 0; regions != NULL && i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);
          SpMetricsFilter by_region = *filter;
          SpMetricsAttainment attainment;

          by_region.region_id = sp_region_get_id (region);
          if (sp_metrics_get_attainment (store, &by_region, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                         &attainment, NULL))
            add_pair (chart, sp_region_get_name (region), attainment.target, attainment.actual);
        }
    }
  else
    {
      g_autoptr(GPtrArray) ranking = get_ranking (self, filter);

      chart->title = g_strdup (_("Attainment by Rep"));
      for (guint i = 0; ranking != NULL && i < ranking->len; i++)
        {
          SpMetricsRankEntry *entry = ranking->pdata[i];

          add_pair (chart, entry->name, entry->target, entry->actual);
        }
    }
  sp_chart_view_set_title (self->attainment, chart->title);
  sp_chart_view_set_chart (self->attainment, &sp_attainment_chart_adapter, chart,
                           (GDestroyNotify) sp_pair_chart_free);
}

static void
refresh_ranking (SpDashboardPage       *self,
                 const SpMetricsFilter *filter,
                 const char            *period)
{
  SpPairChart *chart = sp_pair_chart_new (get_currency (self));
  g_autoptr(GPtrArray) ranking = get_ranking (self, filter);

  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  g_autoptr(GListModel) list = get_store (self) ? sp_region_list (get_store (self), NULL) : NULL;

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (list, i);

      g_hash_table_insert (regions, g_memdup2 (&(gint64) { sp_region_get_id (region) },
                                               sizeof (gint64)),
                           g_strdup (sp_region_get_name (region)));
    }

  /* Translators: the ranking board (战报); %s is the period */
  chart->title = g_strdup_printf (_("Ranking, %s"), period);
  for (guint i = 0; ranking != NULL && i < ranking->len; i++)
    {
      SpMetricsRankEntry *entry = ranking->pdata[i];
      const char *region = g_hash_table_lookup (regions, &entry->region_id);
      g_autofree char *label = region
        /* Translators: a rep on the ranking board with their region, "张伟 · 华东区" */
        ? g_strdup_printf (_("%s · %s"), entry->name, region)
        : g_strdup (entry->name);

      add_pair (chart, label, entry->target, entry->actual);
    }
  sp_chart_view_set_title (self->ranking, chart->title);
  sp_chart_view_set_chart (self->ranking, &sp_ranking_chart_adapter, chart,
                           (GDestroyNotify) sp_pair_chart_free);
}

static void
refresh_burnup (SpDashboardPage       *self,
                const SpMetricsFilter *filter,
                const char            *period)
{
  SpBurnupChart *chart = sp_burnup_chart_new (get_currency (self));
  SpStore *store = get_store (self);
  SpMetricsAttainment attainment = { 0 };
  GDate today;
  gint64 elapsed;

  sp_period_filter_get_today (self->filter, &today);
  /* Translators: a chart title; %s is the period */
  chart->title = g_strdup_printf (_("Burn-up, %s"), period);
  chart->start = filter->from;
  chart->total_days = g_date_days_between (&filter->from, &filter->to) + 1;
  elapsed = CLAMP (g_date_days_between (&filter->from, &today) + 1, 0, chart->total_days);
  if (store != NULL
      && sp_metrics_get_attainment (store, filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    &attainment, NULL))
    chart->target = attainment.target;
  if (store != NULL && elapsed > 0)
    {
      SpMetricsFilter to_date = *filter;
      g_autoptr(GArray) series = NULL;

      to_date.to = filter->from;
      g_date_add_days (&to_date.to, elapsed - 1);
      series = sp_metrics_get_revenue_series (store, &to_date, SP_METRICS_STEP_DAY, NULL);
      for (guint i = 0; series != NULL && i < series->len; i++)
        g_array_append_val (chart->daily, g_array_index (series, SpMetricsPoint, i).value);
    }
  sp_chart_view_set_title (self->burnup, chart->title);
  sp_chart_view_set_chart (self->burnup, &sp_burnup_chart_adapter, chart,
                           (GDestroyNotify) sp_burnup_chart_free);
}

static void
refresh_heatmap (SpDashboardPage       *self,
                 const SpMetricsFilter *filter)
{
  SpHeatmapChart *chart = sp_heatmap_chart_new (get_currency (self));
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(SpMetricsHeatmap) heatmap = NULL;
  g_autofree char *year_name = NULL;
  SpMetricsFilter year = *filter;
  GDate today;
  int fiscal_year;

  /* The fiscal year to date, whatever the period: one column per month. */
  sp_period_filter_get_today (self->filter, &today);
  calendar = sp_page_get_preferences (SP_PAGE (self))
             ? sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)))
                               : sp_calendar_new (G_DATE_JANUARY);
  fiscal_year = sp_calendar_fiscal_year_of (calendar, &today);
  sp_calendar_fiscal_year_range (calendar, fiscal_year, &year.from, &year.to);
  if (g_date_compare (&today, &year.to) < 0)
    year.to = today;
  year_name = sp_display_fiscal_year (fiscal_year);
  /* Translators: a chart title; %s is the fiscal year, "FY2026" */
  chart->title = g_strdup_printf (_("Revenue by Region, %s"), year_name);

  if (get_store (self) != NULL)
    heatmap = sp_metrics_get_region_heatmap (get_store (self), &year, NULL);
  for (guint r = 0; heatmap != NULL && r < heatmap->n_regions; r++)
    g_ptr_array_add (chart->rows, g_strdup (heatmap->region_names[r] ? heatmap->region_names[r]
                                                                    : _("No Region")));
  for (guint c = 0; heatmap != NULL && c < heatmap->n_months; c++)
    {
      char text[32];

      /* Translators: a month on a chart axis (strftime format): "Sep"; zh_CN: "9月" */
      if (g_date_strftime (text, sizeof text, _("%b"), &heatmap->months[c]) == 0)
        text[0] = '\0';
      g_ptr_array_add (chart->columns, g_strdup (text));
    }
  for (guint i = 0; heatmap != NULL && i < heatmap->n_regions * heatmap->n_months; i++)
    {
      double value = (double) heatmap->values[i];

      g_array_append_val (chart->values, value);
    }
  sp_chart_view_set_title (self->heatmap, chart->title);
  sp_chart_view_set_chart (self->heatmap, &sp_heatmap_chart_adapter, chart,
                           (GDestroyNotify) sp_heatmap_chart_free);
}

static void
sp_dashboard_page_refresh (SpPage *page)
{
  SpDashboardPage *self = SP_DASHBOARD_PAGE (page);
  SpMetricsFilter filter;
  g_autofree char *period = NULL;

  sp_period_filter_get_filter (self->filter, 0, &filter);
  period = sp_period_filter_dup_period_name (self->filter, 0);
  refresh_tiles (self);
  refresh_attainment (self, &filter, period);
  refresh_burnup (self, &filter, period);
  refresh_ranking (self, &filter, period);
  refresh_heatmap (self, &filter);
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
