/* sp-funnel-page.c — the Funnel view: the open pipeline by stage with conversion and days in
 * stage, the headline figures (pipeline, weighted forecast, overall conversion, velocity), the
 * weighted forecast by month, and the activity funnel from the work log beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-funnel-page"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-funnel-page-private.h"

G_DEFINE_FINAL_TYPE (SpFunnelPage, sp_funnel_page, SP_TYPE_PAGE)

SpStore *
sp_funnel_page_get_store (SpFunnelPage *self)
{
  return sp_page_get_store (SP_PAGE (self));
}

static const SpCurrency *
get_currency (SpFunnelPage *self)
{
  SpPreferences *preferences = sp_page_get_preferences (SP_PAGE (self));

  return preferences ? sp_preferences_get_currency (preferences) : sp_currency_lookup ("CNY");
}

char *
sp_funnel_page_money (SpFunnelPage *self,
                      gint64        amount)
{
  return sp_money_format (amount, get_currency (self), SP_MONEY_FORMAT_DEFAULT);
}

static char *
compact_money (SpFunnelPage *self,
               gint64        amount)
{
  return sp_money_format (amount, get_currency (self), SP_MONEY_FORMAT_COMPACT);
}

/* A figure tile; @exact (may be NULL) leads its tooltip, before the definition. */
static void
add_figure (SpFunnelPage *self,
            SpMetricKind  kind,
            const char   *value,
            const char   *exact,
            const char   *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "sp-tile");
  tooltip = exact ? g_strdup_printf ("%s\n%s", exact, sp_metric_get_definition (kind))
                  : g_strdup (sp_metric_get_definition (kind));
  gtk_widget_set_tooltip_text (box, tooltip);

  label = gtk_label_new (sp_metric_get_name (kind));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "sp-tile-caption");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "sp-tile-value");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (note);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "sp-tile-note");
  gtk_box_append (GTK_BOX (box), label);

  gtk_flow_box_append (self->figures, box);
}

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static void
refresh_figures (SpFunnelPage          *self,
                 const SpMetricsFunnel *funnel)
{
  g_autofree char *open_amount = NULL;
  g_autofree char *open_exact = NULL;
  g_autofree char *weighted_exact = NULL;
  g_autofree char *open_count = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *overall = NULL;
  g_autofree char *overall_note = NULL;

  clear_children (GTK_WIDGET (self->figures));
  if (funnel == NULL)
    return;

  open_amount = compact_money (self, funnel->open_amount);
  open_exact = sp_funnel_page_money (self, funnel->open_amount);
  /* Translators: the open pipeline's size */
  open_count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld opportunity",
                                             "%lld opportunities",
                                             funnel->open_count), (long long) funnel->open_count);
  add_figure (self, SP_METRIC_OPEN_PIPELINE, open_amount, open_exact, open_count);

  weighted = compact_money (self, funnel->weighted_amount);
  weighted_exact = sp_funnel_page_money (self, funnel->weighted_amount);
  add_figure (self, SP_METRIC_WEIGHTED_FORECAST, weighted, weighted_exact,
              _("Amount × stage probability"));

  /* The pipeline chart's cohort: its won row over its first row. */
  if (funnel->cohort_overall.den != 0)
    {
      overall = sp_chart_format_percent (sp_metrics_rate_to_double (funnel->cohort_overall));
      /* Translators: overall conversion: won of the leads that entered the funnel */
      overall_note = g_strdup_printf (_("%lld won of %lld"),
                                      (long long) funnel->cohort_overall.num,
                                      (long long) funnel->cohort_overall.den);
    }
  else
    {
      overall = g_strdup ("—");
      overall_note = g_strdup (sp_metric_get_undefined_reason (SP_METRIC_OVERALL_CONVERSION));
    }
  add_figure (self, SP_METRIC_OVERALL_CONVERSION, overall, sp_funnel_page_cohort_definition (),
              overall_note);

  if (funnel->sales_velocity.defined)
    {
      g_autofree char *per_day = compact_money (self, funnel->sales_velocity.value);
      g_autofree char *per_day_exact = sp_funnel_page_money (self, funnel->sales_velocity.value);
      g_autofree char *exact = NULL;

      /* Translators: money per day, "¥12,000.00/day" */
      exact = g_strdup_printf (_("%s/day"), per_day_exact);
      add_figure (self, SP_METRIC_SALES_VELOCITY, per_day, exact,
                  _("Per day: open × win rate × deal size ÷ cycle"));
    }
  else
    add_figure (self, SP_METRIC_SALES_VELOCITY, "—", NULL,
                sp_metric_get_undefined_reason (SP_METRIC_SALES_VELOCITY));
}

static void
refresh_forecast (SpFunnelPage          *self,
                  const SpChartSource   *source,
                  const SpMetricsFunnel *funnel)
{
  g_autoptr(SpForecastChart) forecast = sp_chart_sources_forecast_from (source, funnel);

  clear_children (GTK_WIDGET (self->forecast_list));
  for (guint i = 0; i < forecast->rows->len; i++)
    {
      const SpForecastRow *month = &g_array_index (forecast->rows, SpForecastRow, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *weighted = sp_funnel_page_money (self, month->weighted);
      g_autofree char *amount = sp_funnel_page_money (self, month->amount);
      g_autofree char *subtitle = NULL;
      GtkWidget *value;

      /* Translators: a forecast month: opportunities and their full amount */
      subtitle = g_strdup_printf (_("%lld open, %s in total"), (long long) month->count,
                                  amount);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), month->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      value = gtk_label_new (weighted);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (self->forecast_list, row);
    }
  if (forecast->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No open opportunities"));
      gtk_list_box_append (self->forecast_list, row);
    }
}

static void
refresh_activity (SpFunnelPage          *self,
                  const SpChartSource   *source,
                  const SpMetricsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  SpFunnelChart *chart = NULL;

  if (source->store != NULL)
    chart = sp_chart_sources_activity_funnel (source, filter, &error);
  if (chart == NULL)
    {
      g_debug ("activity funnel: %s", error ? error->message : "no workspace");
      chart = sp_funnel_chart_new (source->currency);
      chart->title = g_strdup (sp_metric_get_name (SP_METRIC_ACTIVITY_FUNNEL));
      chart->activity = TRUE;
    }
  sp_chart_view_set_title (self->activity, chart->title);
  sp_chart_view_set_chart (self->activity, &sp_funnel_chart_adapter, chart,
                           (GDestroyNotify) sp_funnel_chart_free);
}

static void
sp_funnel_page_refresh (SpPage *page)
{
  SpFunnelPage *self = SP_FUNNEL_PAGE (page);
  SpPreferences *preferences = sp_page_get_preferences (page);
  g_autoptr(SpCalendar) calendar = preferences ? sp_preferences_dup_calendar (preferences)
                                               : sp_calendar_new (G_DATE_JANUARY);
  g_autoptr(SpMetricsFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;
  SpMetricsKpis kpis = { 0 };
  SpChartSource source = {
    .store = sp_funnel_page_get_store (self),
    .currency = get_currency (self),
    .calendar = calendar,
  };

  sp_period_filter_get_today (self->filter, &source.today);
  sp_period_filter_get_filter (self->filter, 0, &filter);
  /* The figures are read once; the charts' data comes from sp-chart-sources. */
  if (source.store != NULL && sp_metrics_get_kpis (source.store, &filter, &kpis, &error))
    funnel = sp_metrics_get_funnel (source.store, &filter, &kpis, &error);
  if (error != NULL)
    g_debug ("funnel: %s", error->message);

  refresh_figures (self, funnel);
  sp_funnel_page_refresh_pipeline (self, &source, funnel);
  refresh_activity (self, &source, &filter);
  refresh_forecast (self, &source, funnel);
  sp_funnel_page_select_stage (self, self->selected_stage);
}

static void
filter_changed_cb (SpFunnelPage *self)
{
  sp_page_queue_refresh (SP_PAGE (self));
}

/* The filter's lists follow the workspace; reloading them is no change of filter, so the
 * page refreshes once. */
static void
sp_funnel_page_workspace_changed (SpPage *page)
{
  SpFunnelPage *self = SP_FUNNEL_PAGE (page);

  g_signal_handlers_block_by_func (self->filter, filter_changed_cb, self);
  sp_period_filter_reload (self->filter);
  g_signal_handlers_unblock_by_func (self->filter, filter_changed_cb, self);
  SP_PAGE_CLASS (sp_funnel_page_parent_class)->workspace_changed (page);
}

static void
sp_funnel_page_workspace_set (SpPage      *page,
                              SpWorkspace *workspace)
{
  SpFunnelPage *self = SP_FUNNEL_PAGE (page);

  g_signal_handlers_block_by_func (self->filter, filter_changed_cb, self);
  sp_period_filter_set_preferences (self->filter, sp_workspace_get_preferences (workspace));
  g_signal_handlers_unblock_by_func (self->filter, filter_changed_cb, self);
}

/* Both buttons toggle: act once, when the new one is active. */
static void
mode_toggled_cb (GtkToggleButton *button,
                 SpFunnelPage    *self)
{
  if (gtk_toggle_button_get_active (button))
    sp_page_queue_refresh (SP_PAGE (self));
}

static void
stage_activated_cb (SpFunnelPage *self,
                    int           item)
{
  sp_funnel_page_select_stage (self, item);
}

SpFunnelMode
sp_funnel_page_get_mode (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), SP_FUNNEL_MODE_COUNT);
  return gtk_toggle_button_get_active (self->amount_button) ? SP_FUNNEL_MODE_AMOUNT
                                                             : SP_FUNNEL_MODE_COUNT;
}

void
sp_funnel_page_set_mode (SpFunnelPage *self,
                         SpFunnelMode  mode)
{
  g_return_if_fail (SP_IS_FUNNEL_PAGE (self));
  gtk_toggle_button_set_active (mode == SP_FUNNEL_MODE_AMOUNT ? self->amount_button
                                                              : self->count_button, TRUE);
}

SpPeriodFilter *
sp_funnel_page_get_filter (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  return self->filter;
}

SpChartView *
sp_funnel_page_get_pipeline (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  return self->pipeline;
}

SpChartView *
sp_funnel_page_get_activity (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  return self->activity;
}

static void
sp_funnel_page_dispose (GObject *object)
{
  SpFunnelPage *self = SP_FUNNEL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_FUNNEL_PAGE);
  g_clear_object (&self->opportunities);
  g_clear_pointer (&self->stage_ids, g_array_unref);

  G_OBJECT_CLASS (sp_funnel_page_parent_class)->dispose (object);
}

static void
new_opportunity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  sp_funnel_page_new_opportunity (SP_FUNNEL_PAGE (widget));
}

static void
sp_funnel_page_class_init (SpFunnelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPageClass *page_class = SP_PAGE_CLASS (klass);

  object_class->dispose = sp_funnel_page_dispose;
  page_class->workspace_set = sp_funnel_page_workspace_set;
  page_class->workspace_changed = sp_funnel_page_workspace_changed;
  page_class->refresh = sp_funnel_page_refresh;

  g_type_ensure (SP_TYPE_CHART_VIEW);
  g_type_ensure (SP_TYPE_PERIOD_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/sp-funnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, filter);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, count_button);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, amount_button);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, figures);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, pipeline);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, activity);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, stage_heading);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, opportunities_box);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, opportunities_heading);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, opportunities_empty);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, opportunities_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, opportunities_view);
  gtk_widget_class_bind_template_child (widget_class, SpFunnelPage, forecast_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);
  gtk_widget_class_install_action (widget_class, "funnel.new-opportunity", NULL,
                                   new_opportunity_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-funnel-page");
}

static void
sp_funnel_page_init (SpFunnelPage *self)
{
  self->selected_stage = -1;
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_funnel_page_init_opportunities (self);
}
