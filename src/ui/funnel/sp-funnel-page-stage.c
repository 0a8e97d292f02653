/* sp-funnel-page-stage.c — the Funnel view's pipeline chart (the cohort funnel), the figures
 * of a selected stage and its opportunity list, from which opportunities are added and edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-funnel-page"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-funnel-page-private.h"
#include "sp-opportunity-dialog.h"

/* The columns of the stage's opportunity list. */
typedef enum {
  COLUMN_TITLE,
  COLUMN_CUSTOMER,
  COLUMN_REP,
  COLUMN_AMOUNT,
  COLUMN_EXPECTED_CLOSE,
  COLUMN_DAYS,
  N_COLUMNS
} Column;

/* The cohort chart */

static void
cohort_chart_free (SpCohortChart *cohort)
{
  if (cohort == NULL)
    return;
  g_free (cohort->chart.title);
  g_array_unref (cohort->chart.stages);
  g_free (cohort);
}

static const SpFunnelChartStage *
cohort_stage (const SpCohortChart *cohort,
              guint                i)
{
  return &g_array_index (cohort->chart.stages, SpFunnelChartStage, i);
}

static char *
cohort_money (const SpCohortChart *cohort,
              gint64               amount)
{
  return sp_money_format (amount, &cohort->chart.currency, SP_MONEY_FORMAT_DEFAULT);
}

/* "Lost 2 (¥270.00)", or NULL when none was lost. */
static char *
cohort_lost_text (const SpCohortChart *cohort)
{
  g_autofree char *amount = NULL;

  if (cohort->lost == 0)
    return NULL;
  amount = cohort_money (cohort, cohort->lost_amount);
  /* Translators: the opportunities of the funnel's cohort lost by the period's end, shown
   * under the funnel: "Lost 2 (¥270.00)" */
  return g_strdup_printf (_("Lost %lld (%s)"), (long long) cohort->lost, amount);
}

static void
cohort_draw (gconstpointer       data,
             cairo_t            *cr,
             const SpChartStyle *style,
             double              width,
             double              height)
{
  const SpCohortChart *cohort = data;
  guint n = cohort->chart.stages->len;
  g_autofree SpFunnelStage *stages = g_new0 (SpFunnelStage, MAX (n, 1));
  g_autofree char *note = cohort_lost_text (cohort);
  SpFunnelData funnel = {
    .title = cohort->chart.title,
    .mode = cohort->chart.mode,
    .n_stages = n,
    .stages = stages,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &cohort->chart.currency,
    .note = note,
  };

  for (guint i = 0; i < n; i++)
    stages[i] = (SpFunnelStage) {
      .label = cohort_stage (cohort, i)->label,
      .count = cohort_stage (cohort, i)->count,
      .amount = cohort_stage (cohort, i)->amount,
      /* The chart shows the conversion into a stage: this count / the one above. */
      .conversion = i > 0 ? cohort_stage (cohort, i - 1)->conversion : NAN,
      .mean_days = cohort_stage (cohort, i)->mean_days,
    };
  sp_funnel_chart_draw (cr, &funnel, style, width, height);
}

static int
cohort_hit_test (gconstpointer       data,
                 const SpChartStyle *style,
                 double              width,
                 double              height,
                 double              x,
                 double              y)
{
  /* The note does not move the bands' rows by more than a line: hit-test what is drawn. */
  const SpCohortChart *cohort = data;
  guint n = cohort->chart.stages->len;
  g_autofree SpFunnelStage *stages = g_new0 (SpFunnelStage, MAX (n, 1));
  g_autofree char *note = cohort_lost_text (cohort);
  g_auto(SpFunnelLayout) layout = { 0 };
  SpFunnelData funnel = {
    .title = cohort->chart.title,
    .mode = cohort->chart.mode,
    .n_stages = n,
    .stages = stages,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &cohort->chart.currency,
    .note = note,
  };

  for (guint i = 0; i < n; i++)
    stages[i] = (SpFunnelStage) {
      .label = cohort_stage (cohort, i)->label,
      .count = cohort_stage (cohort, i)->count,
      .amount = cohort_stage (cohort, i)->amount,
      .conversion = i > 0 ? cohort_stage (cohort, i - 1)->conversion : NAN,
      .mean_days = cohort_stage (cohort, i)->mean_days,
    };
  sp_funnel_chart_layout (&funnel, style, NULL, width, height, &layout);
  return sp_funnel_layout_hit_test (&layout, x, y);
}

const char *
sp_funnel_page_cohort_definition (void)
{
  return _("Opportunities created in the period, counted at every stage they reached by the "
           "period’s end, in count and amount mode alike. Each conversion is the next "
           "stage’s count ÷ this stage’s count; lost opportunities are counted aside.");
}

static char *
cohort_item_text (gconstpointer data,
                  int           item)
{
  const SpCohortChart *cohort = data;
  guint n = cohort->chart.stages->len;
  const SpFunnelChartStage *stage;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *amount = NULL;

  if (item < 0)
    return g_strdup (sp_funnel_page_cohort_definition ());
  if ((guint) item >= n)
    return NULL;
  stage = cohort_stage (cohort, item);
  amount = cohort_money (cohort, stage->amount);
  g_string_append_printf (text, "%s\n", stage->label);
  if ((guint) item + 1 == n && item > 0)
    {
      g_autofree char *lost = cohort_lost_text (cohort);

      /* Translators: the won row of the funnel: "Won by the period’s end: 2 of the 8 that
       * entered the funnel" */
      g_string_append_printf (text, _("Won by the period’s end: %lld of the %lld that entered "
                                      "the funnel"),
                              (long long) stage->count,
                              (long long) cohort_stage (cohort, 0)->count);
      g_string_append_c (text, '\n');
      /* Translators: the amount of a funnel row */
      g_string_append_printf (text, _("Amount: %s"), amount);
      if (lost != NULL)
        g_string_append_printf (text, "\n%s", lost);
    }
  else
    {
      /* Translators: a funnel row: "Reached by the period’s end: 6 of the 9 created in the
       * period" */
      g_string_append_printf (text, _("Reached by the period’s end: %lld of the %lld created "
                                      "in the period"),
                              (long long) stage->count, (long long) cohort->cohort_size);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Amount: %s"), amount);
      if (!isnan (stage->conversion) && (guint) item + 1 < n)
        {
          g_autofree char *percent = sp_chart_format_percent (stage->conversion);

          g_string_append_c (text, '\n');
          /* Translators: "Conversion to the next stage: 50% (3 of 6)" */
          g_string_append_printf (text, _("Conversion to the next stage: %s (%lld of %lld)"),
                                  percent, (long long) cohort_stage (cohort, item + 1)->count,
                                  (long long) stage->count);
        }
    }
  if (!isnan (stage->mean_days))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Days in stage: %.1f"), stage->mean_days);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
cohort_summary (gconstpointer data)
{
  const SpCohortChart *cohort = data;
  g_autoptr(GString) text = g_string_new (sp_funnel_page_cohort_definition ());
  g_autofree char *lost = cohort_lost_text (cohort);

  for (guint i = 0; i < cohort->chart.stages->len; i++)
    {
      const SpFunnelChartStage *stage = cohort_stage (cohort, i);
      g_autofree char *amount = cohort_money (cohort, stage->amount);

      g_string_append_printf (text, "%s%s %lld (%s)", i > 0 ? "; " : " ", stage->label,
                              (long long) stage->count, amount);
    }
  if (lost != NULL)
    g_string_append_printf (text, "; %s", lost);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
cohort_n_columns (gconstpointer data)
{
  return 5;
}

static char *
cohort_column_title (gconstpointer data,
                     guint         column)
{
  const char *titles[] = { N_("Stage"), N_("Reached"), N_("Amount"), N_("Conversion"),
                           N_("Days in Stage") };

  return g_strdup (_(titles[MIN (column, G_N_ELEMENTS (titles) - 1)]));
}

static guint
cohort_n_rows (gconstpointer data)
{
  return ((const SpCohortChart *) data)->chart.stages->len;
}

static char *
cohort_cell_text (gconstpointer data,
                  guint         row,
                  guint         column)
{
  const SpCohortChart *cohort = data;
  const SpFunnelChartStage *stage = cohort_stage (cohort, row);

  switch (column)
    {
    case 0:
      return g_strdup (stage->label);
    case 1:
      return g_strdup_printf ("%lld", (long long) stage->count);
    case 2:
      return cohort_money (cohort, stage->amount);
    case 3:
      return isnan (stage->conversion) ? g_strdup ("—")
                                       : sp_chart_format_percent (stage->conversion);
    default:
      /* Translators: a mean number of days, "12.5 days" */
      return isnan (stage->mean_days) ? g_strdup ("—")
                                      : g_strdup_printf (_("%.1f days"), stage->mean_days);
    }
}

const SpChartAdapter sp_cohort_chart_adapter = {
  "funnel", cohort_draw, cohort_hit_test, cohort_item_text, cohort_summary,
  cohort_n_columns, cohort_column_title, cohort_n_rows, cohort_cell_text,
};

void
sp_funnel_page_refresh_pipeline (SpFunnelPage          *self,
                                 const SpMetricsFunnel *funnel)
{
  SpCohortChart *cohort = g_new0 (SpCohortChart, 1);
  const SpCurrency *currency = sp_page_get_preferences (SP_PAGE (self)) ? sp_preferences_get_currency (sp_page_get_preferences (SP_PAGE (self)))
                                                 : sp_currency_lookup ("CNY");
  SpFunnelChart *chart = sp_funnel_chart_new (currency);

  /* The stages array frees its labels. */
  cohort->chart = *chart;
  g_free (chart);
  g_array_set_size (self->stage_ids, 0);
  cohort->chart.title = g_strdup (_("Pipeline by Stage"));
  cohort->chart.mode = sp_funnel_page_get_mode (self);
  if (funnel != NULL)
    {
      cohort->cohort_size = funnel->cohort_size;
      cohort->lost = funnel->cohort_lost;
      cohort->lost_amount = funnel->cohort_lost_amount;
    }
  for (guint i = 0; funnel != NULL && i < funnel->n_stages; i++)
    {
      const SpMetricsStage *stage = &funnel->stages[i];
      /* One cohort for every figure of a band (sp-metrics.h): what the opportunities
       * created in the period reached by its end, in count and amount mode alike. */
      SpFunnelChartStage row = {
        .label = g_strdup (stage->name),
        .count = stage->cohort_count,
        .amount = stage->cohort_amount,
        .open_count = -1,
        .weighted = 0,
        .conversion = sp_metrics_rate_to_double (stage->cohort_conversion),
        .mean_days = sp_metrics_rate_to_double (stage->days_in_stage),
      };

      g_array_append_val (cohort->chart.stages, row);
      g_array_append_val (self->stage_ids, stage->stage_id);
    }
  sp_chart_view_set_title (self->pipeline, cohort->chart.title);
  sp_chart_view_set_chart (self->pipeline, &sp_cohort_chart_adapter, cohort,
                           (GDestroyNotify) cohort_chart_free);
}

/* The stage's opportunities */

static int
compare_amount_desc (gconstpointer a,
                     gconstpointer b)
{
  const SpOpportunity *x = *(SpOpportunity * const *) a;
  const SpOpportunity *y = *(SpOpportunity * const *) b;

  if (x->amount != y->amount)
    return x->amount > y->amount ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Lists the opportunities counted in funnel row @index (-1: none), largest first. */
static void
refresh_opportunities (SpFunnelPage *self,
                       int           index,
                       const char   *stage_name)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  SpMetricsFilter filter;
  SpStore *store = sp_funnel_page_get_store (self);

  g_list_store_remove_all (self->opportunities);
  if (store == NULL || index < 0 || (guint) index >= self->stage_ids->len)
    {
      gtk_widget_set_visible (self->opportunities_box, FALSE);
      return;
    }

  sp_period_filter_get_filter (self->filter, 0, &filter);
  list = sp_opportunity_list_reached (store, &filter,
                                      g_array_index (self->stage_ids, gint64, index), &error);
  if (list == NULL)
    {
      g_debug ("stage opportunities: %s", error->message);
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_opportunity_free);
    }
  g_ptr_array_sort (list, compare_amount_desc);
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data_full (item, "opportunity", g_ptr_array_index (list, i),
                              (GDestroyNotify) sp_opportunity_free);
      g_list_store_append (self->opportunities, item);
    }
  g_ptr_array_set_free_func (list, NULL);   /* the items own them now */

  /* Translators: the heading of a funnel row's opportunity list: "12 opportunities reached
   * Lead" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u opportunity reached %s",
                                          "%u opportunities reached %s", list->len),
                             list->len, stage_name);
  gtk_label_set_label (self->opportunities_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->opportunities_empty), list->len == 0);
  gtk_widget_set_visible (self->opportunities_scroller, list->len > 0);
  /* A column view asks for little height: show up to eight rows (about 36 px each, and the
   * header), then scroll. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->opportunities_scroller),
                                              36 * (MIN (list->len, 8) + 1));
  gtk_widget_set_visible (self->opportunities_box, TRUE);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_AMOUNT || column == COLUMN_DAYS)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SpFunnelPage *self = g_object_get_data (G_OBJECT (factory), "page");
  const SpOpportunity *opportunity = g_object_get_data (gtk_list_item_get_item (item),
                                                        "opportunity");
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      text = g_strdup (opportunity->title);
      break;
    case COLUMN_CUSTOMER:
      text = g_strdup (opportunity->customer);
      break;
    case COLUMN_REP:
      text = g_strdup (opportunity->rep);
      break;
    case COLUMN_AMOUNT:
      text = sp_funnel_page_money (self, opportunity->amount);
      break;
    case COLUMN_EXPECTED_CLOSE:
      text = g_strdup (opportunity->expected_close ? opportunity->expected_close : "—");
      break;
    case COLUMN_DAYS:
      text = g_strdup_printf ("%lld", (long long) opportunity->days_in_stage);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* Enter or a double click on a row edits its opportunity. */
static void
row_activated_cb (GtkColumnView *view,
                  guint          position,
                  SpFunnelPage  *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->opportunities), position);
  const SpOpportunity *opportunity = item ? g_object_get_data (item, "opportunity") : NULL;

  if (opportunity != NULL)
    sp_funnel_page_edit_opportunity (self, opportunity->id);
}

void
sp_funnel_page_init_opportunities (SpFunnelPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Title"),
    _("Customer"),
    _("Rep"),
    _("Amount"),
    /* Translators: column heading: the opportunity's expected close date */
    _("Expected Close"),
    /* Translators: column heading: days since the opportunity entered its stage */
    _("Days in Stage"),
  };
  g_autoptr(GtkSingleSelection) selection = NULL;

  self->opportunities = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->opportunities)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->opportunities_view, GTK_SELECTION_MODEL (selection));
  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COLUMN_TITLE || i == COLUMN_CUSTOMER);
      gtk_column_view_append_column (self->opportunities_view, column);
    }
  g_signal_connect (self->opportunities_view, "activate", G_CALLBACK (row_activated_cb), self);
}

void
sp_funnel_page_select_stage (SpFunnelPage *self,
                             int           index)
{
  const SpCohortChart *cohort;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_FUNNEL_PAGE (self));

  cohort = sp_chart_view_get_data (self->pipeline);
  if (cohort == NULL || index < 0 || (guint) index >= cohort->chart.stages->len)
    {
      self->selected_stage = -1;
      gtk_label_set_label (self->stage_heading, _("Stage"));
      gtk_label_set_label (self->stage_label, _("Click a stage of the pipeline to see its figures."));
      refresh_opportunities (self, -1, NULL);
      return;
    }

  self->selected_stage = index;
  gtk_label_set_label (self->stage_heading, cohort_stage (cohort, index)->label);
  text = cohort_item_text (cohort, index);
  /* The heading is the stage's name: the text goes on from the second line. */
  gtk_label_set_label (self->stage_label, strchr (text, '\n') ? strchr (text, '\n') + 1 : text);
  refresh_opportunities (self, index, cohort_stage (cohort, index)->label);
}

const char *
sp_funnel_page_get_stage_text (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  return gtk_label_get_label (self->stage_label);
}

GtkColumnView *
sp_funnel_page_get_opportunity_view (SpFunnelPage *self)
{
  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  return self->opportunities_view;
}

/* The editor */

static GtkWindow *
parent_window (SpFunnelPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
sp_funnel_page_new_opportunity (SpFunnelPage *self)
{
  gint64 stage_id = 0;
  GtkWidget *dialog;

  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  if (sp_page_get_preferences (SP_PAGE (self)) == NULL)
    return NULL;
  /* From a selected open stage's list: a new opportunity starts in that stage. */
  if (self->selected_stage >= 0 && (guint) self->selected_stage + 1 < self->stage_ids->len)
    stage_id = g_array_index (self->stage_ids, gint64, self->selected_stage);
  dialog = sp_opportunity_dialog_new (parent_window (self), sp_page_get_preferences (SP_PAGE (self)), 0, stage_id,
                                      NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
sp_funnel_page_edit_opportunity (SpFunnelPage *self,
                                 gint64        id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SP_IS_FUNNEL_PAGE (self), NULL);
  if (sp_page_get_preferences (SP_PAGE (self)) == NULL)
    return NULL;
  dialog = sp_opportunity_dialog_new (parent_window (self), sp_page_get_preferences (SP_PAGE (self)), id, 0, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
