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

/* The opportunity list's item */

struct _SpOpportunityItem
{
  GObject        parent_instance;
  SpOpportunity *opportunity;
};

G_DEFINE_FINAL_TYPE (SpOpportunityItem, sp_opportunity_item, G_TYPE_OBJECT)

static void
sp_opportunity_item_finalize (GObject *object)
{
  g_clear_pointer (&SP_OPPORTUNITY_ITEM (object)->opportunity, sp_opportunity_free);
  G_OBJECT_CLASS (sp_opportunity_item_parent_class)->finalize (object);
}

static void
sp_opportunity_item_class_init (SpOpportunityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_opportunity_item_finalize;
}

static void
sp_opportunity_item_init (SpOpportunityItem *self)
{
}

SpOpportunityItem *
sp_opportunity_item_new (SpOpportunity *opportunity)
{
  SpOpportunityItem *self = g_object_new (SP_TYPE_OPPORTUNITY_ITEM, NULL);

  self->opportunity = opportunity;
  return self;
}

const SpOpportunity *
sp_opportunity_item_get_opportunity (SpOpportunityItem *self)
{
  g_return_val_if_fail (SP_IS_OPPORTUNITY_ITEM (self), NULL);
  return self->opportunity;
}

/* The cohort chart */

static const SpFunnelChartStage *
cohort_stage (const SpFunnelChart *cohort,
              guint                i)
{
  return &g_array_index (cohort->stages, SpFunnelChartStage, i);
}

static char *
cohort_money (const SpFunnelChart *cohort,
              gint64               amount)
{
  return sp_money_format (amount, &cohort->currency, SP_MONEY_FORMAT_DEFAULT);
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
  const SpFunnelChart *cohort = data;
  guint n = cohort->stages->len;
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
      const char *lost = cohort->note;

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
  const SpFunnelChart *cohort = data;
  g_autoptr(GString) text = g_string_new (sp_funnel_page_cohort_definition ());
  const char *lost = cohort->note;

  for (guint i = 0; i < cohort->stages->len; i++)
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
  return ((const SpFunnelChart *) data)->stages->len;
}

static char *
cohort_cell_text (gconstpointer data,
                  guint         row,
                  guint         column)
{
  const SpFunnelChart *cohort = data;
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
      return sp_chart_value_format (SP_CHART_VALUE_DAYS, stage->mean_days, &cohort->currency);
    }
}

const SpChartAdapter sp_cohort_chart_adapter = {
  "funnel", sp_funnel_chart_adapter_layout, sp_funnel_chart_adapter_paint,
  sp_funnel_chart_adapter_hit_test, sp_funnel_chart_adapter_layout_free,
  cohort_item_text, cohort_summary,
  cohort_n_columns, cohort_column_title, cohort_n_rows, cohort_cell_text,
};

void
sp_funnel_page_refresh_pipeline (SpFunnelPage          *self,
                                 const SpChartSource   *source,
                                 const SpMetricsFunnel *funnel)
{
  SpFunnelChart *chart = sp_chart_sources_cohort_funnel_from (source, funnel,
                                                              sp_funnel_page_get_mode (self));

  g_array_set_size (self->stage_ids, 0);
  for (guint i = 0; funnel != NULL && i < funnel->n_stages; i++)
    g_array_append_val (self->stage_ids, funnel->stages[i].stage_id);
  sp_chart_view_set_title (self->pipeline, chart->title);
  sp_chart_view_set_chart (self->pipeline, &sp_cohort_chart_adapter, chart,
                           (GDestroyNotify) sp_funnel_chart_free);
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
      g_autoptr(SpOpportunityItem) item = sp_opportunity_item_new (g_ptr_array_index (list, i));

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

/* What a column's factory callbacks are given. */
typedef struct
{
  SpFunnelPage *page;
  Column        column;
} CellColumn;

static void
cell_column_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellColumn               *cell)
{
  Column column = cell->column;
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
              CellColumn               *cell)
{
  SpFunnelPage *self = cell->page;
  const SpOpportunity *opportunity =
    sp_opportunity_item_get_opportunity (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (cell->column)
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
  const SpOpportunity *opportunity =
    item ? sp_opportunity_item_get_opportunity (SP_OPPORTUNITY_ITEM (item)) : NULL;

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

  self->opportunities = g_list_store_new (SP_TYPE_OPPORTUNITY_ITEM);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->opportunities)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->opportunities_view, GTK_SELECTION_MODEL (selection));
  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      CellColumn *setup = g_new0 (CellColumn, 1);
      CellColumn *bind = g_new0 (CellColumn, 1);

      *setup = *bind = (CellColumn) { self, (Column) i };
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell_cb), setup,
                             cell_column_free, 0);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), bind,
                             cell_column_free, 0);
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
  const SpFunnelChart *cohort;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_FUNNEL_PAGE (self));

  cohort = sp_chart_view_get_data (self->pipeline);
  if (cohort == NULL || index < 0 || (guint) index >= cohort->stages->len)
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
