/* sp-period-filter.c — the period, rep and region drop-downs shared by Funnel and Dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-period-filter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-chart-sources.h"
#include "sp-display.h"
#include "sp-period-filter.h"

struct _SpPeriodFilter
{
  GtkWidget      parent_instance;

  SpPreferences *preferences;
  GDate          today;
  GArray        *rep_ids;      /* gint64, parallel to the rep drop-down; 0 first */
  GArray        *region_ids;
  gboolean       reloading;

  GtkWidget     *period;
  GtkWidget     *rep;
  GtkWidget     *region;
  GtkWidget     *range;
};

G_DEFINE_FINAL_TYPE (SpPeriodFilter, sp_period_filter, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SpCalendar *
dup_calendar (SpPeriodFilter *self)
{
  return self->preferences ? sp_preferences_dup_calendar (self->preferences)
                           : sp_calendar_new (G_DATE_JANUARY);
}

/* The periods are sp-chart-sources' (the charts' previous periods and their names). */
void
sp_period_filter_get_filter (SpPeriodFilter  *self,
                             guint            back,
                             SpMetricsFilter *out)
{
  g_autoptr(SpCalendar) calendar = NULL;
  GDate first, last;

  g_return_if_fail (SP_IS_PERIOD_FILTER (self));

  calendar = dup_calendar (self);
  sp_chart_period_range (calendar, (SpChartPeriodKind) sp_period_filter_get_period (self),
                         &self->today, back, &first, &last);
  sp_metrics_filter_init (out, &first, &last);
  out->rep_id = sp_period_filter_get_rep (self);
  out->region_id = sp_period_filter_get_region (self);
}

char *
sp_period_filter_dup_period_name (SpPeriodFilter *self,
                                  guint           back)
{
  g_autoptr(SpCalendar) calendar = NULL;

  g_return_val_if_fail (SP_IS_PERIOD_FILTER (self), NULL);

  calendar = dup_calendar (self);
  return sp_chart_period_dup_name (calendar,
                                   (SpChartPeriodKind) sp_period_filter_get_period (self),
                                   &self->today, back);
}

static void
update_range (SpPeriodFilter *self)
{
  SpMetricsFilter filter;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  if (self->range == NULL)   /* still being built */
    return;
  sp_period_filter_get_filter (self, 0, &filter);
  from = sp_display_date (&filter.from);
  to = sp_display_date (&filter.to);
  /* Translators: a date range, "1 Sep 2026 – 30 Sep 2026" */
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_label_set_label (GTK_LABEL (self->range), text);
}

static void
selection_changed_cb (SpPeriodFilter *self)
{
  update_range (self);
  if (!self->reloading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gint64
selected_id (GtkWidget *dropdown,
             GArray    *ids)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

gint64
sp_period_filter_get_rep (SpPeriodFilter *self)
{
  g_return_val_if_fail (SP_IS_PERIOD_FILTER (self), 0);
  return selected_id (self->rep, self->rep_ids);
}

gint64
sp_period_filter_get_region (SpPeriodFilter *self)
{
  g_return_val_if_fail (SP_IS_PERIOD_FILTER (self), 0);
  return selected_id (self->region, self->region_ids);
}

static void
select_id (GtkWidget *dropdown,
           GArray    *ids,
           gint64     id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
}

void
sp_period_filter_set_rep (SpPeriodFilter *self,
                          gint64          id)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));
  select_id (self->rep, self->rep_ids, id);
}

void
sp_period_filter_set_region (SpPeriodFilter *self,
                             gint64          id)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));
  select_id (self->region, self->region_ids, id);
}

static void
fill (GtkWidget  *dropdown,
      GArray     *ids,
      GListModel *items,
      const char *everyone,
      gint64    (*get_id) (gpointer),
      const char *(*get_name) (gpointer))
{
  gint64 keep = selected_id (dropdown, ids);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, everyone);
  g_array_append_val (ids, (gint64) { 0 });
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gint64 id = get_id (item);

      gtk_string_list_append (names, get_name (item));
      g_array_append_val (ids, id);
      if (id == keep)
        selected = ids->len - 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
}

void
sp_period_filter_reload (SpPeriodFilter *self)
{
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GListModel) regions = NULL;
  SpStore *store;

  g_return_if_fail (SP_IS_PERIOD_FILTER (self));

  store = self->preferences ? sp_preferences_get_store (self->preferences) : NULL;
  if (store != NULL)
    {
      reps = sp_rep_list (store, 0, NULL);
      regions = sp_region_list (store, NULL);
    }
  self->reloading = TRUE;
  fill (self->rep, self->rep_ids, reps, _("All Reps"), (gint64 (*) (gpointer)) sp_rep_get_id,
        (const char *(*) (gpointer)) sp_rep_get_name);
  fill (self->region, self->region_ids, regions, _("All Regions"),
        (gint64 (*) (gpointer)) sp_region_get_id,
        (const char *(*) (gpointer)) sp_region_get_name);
  self->reloading = FALSE;
  update_range (self);
}

void
sp_period_filter_set_preferences (SpPeriodFilter *self,
                                  SpPreferences  *preferences)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));

  g_set_object (&self->preferences, preferences);
  sp_period_filter_reload (self);
}

void
sp_period_filter_set_today (SpPeriodFilter *self,
                            const GDate    *today)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));
  g_return_if_fail (g_date_valid (today));

  self->today = *today;
  update_range (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
sp_period_filter_get_today (SpPeriodFilter *self,
                            GDate          *today)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));
  *today = self->today;
}

SpPeriodKind
sp_period_filter_get_period (SpPeriodFilter *self)
{
  g_return_val_if_fail (SP_IS_PERIOD_FILTER (self), SP_PERIOD_MONTH);
  return (SpPeriodKind) MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period)),
                             SP_PERIOD_YEAR);
}

void
sp_period_filter_set_period (SpPeriodFilter *self,
                             SpPeriodKind    kind)
{
  g_return_if_fail (SP_IS_PERIOD_FILTER (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period), kind);
}

static void
sp_period_filter_dispose (GObject *object)
{
  SpPeriodFilter *self = SP_PERIOD_FILTER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->preferences);
  g_clear_pointer (&self->rep_ids, g_array_unref);
  g_clear_pointer (&self->region_ids, g_array_unref);

  G_OBJECT_CLASS (sp_period_filter_parent_class)->dispose (object);
}

static void
sp_period_filter_class_init (SpPeriodFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_period_filter_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-period-filter");
}

static GtkWidget *
add_dropdown (SpPeriodFilter *self,
              const char     *accessible_label)
{
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_parent (dropdown, GTK_WIDGET (self));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return dropdown;
}

static void
sp_period_filter_init (SpPeriodFilter *self)
{
  const char * const periods[] = { _("This Month"), _("This Quarter"), _("This Year"), NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->rep_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->region_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  self->reloading = TRUE;
  self->period = add_dropdown (self, _("Period"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period),
                           G_LIST_MODEL (gtk_string_list_new (periods)));
  self->region = add_dropdown (self, _("Region"));
  self->rep = add_dropdown (self, _("Rep"));
  self->range = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->range, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (self->range), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->range), 0.0f);
  gtk_widget_set_hexpand (self->range, TRUE);
  gtk_widget_set_margin_start (self->range, 6);
  gtk_widget_set_parent (self->range, GTK_WIDGET (self));
  self->reloading = FALSE;
  sp_period_filter_reload (self);
}

GtkWidget *
sp_period_filter_new (void)
{
  return g_object_new (SP_TYPE_PERIOD_FILTER, NULL);
}
