/* sp-worklog-team-summary.c — the team's work-log summary (团队汇总): every number field of
 * the log over a week or a month, rep by rep, per region and for the whole team, all
 * generated from the daily entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-team-summary"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-worklog-team-summary.h"

struct _SpWorklogTeamSummary
{
  SpPage           parent_instance;

  SpWorklogPeriod  period;
  GDate            day;
  gboolean         updating;
  GListStore      *rows;
  GHashTable      *bound;     /* GtkLabel → its BoundCell, while it shows a row */

  GtkWidget       *box;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkLabel        *heading;
  GtkLabel        *caption;
  GtkColumnView   *view;
};

G_DEFINE_FINAL_TYPE (SpWorklogTeamSummary, sp_worklog_team_summary, SP_TYPE_PAGE)

/* Short column titles: the table has ten of them side by side. */
static const char * const column_titles[SP_WORKLOG_N_VALUES] = {
  NC_("summary column", "Prospects"),
  NC_("summary column", "Contacts"),
  NC_("summary column", "Presentations"),
  NC_("summary column", "Objections"),
  NC_("summary column", "Closes"),
  NC_("summary column", "Orders"),
  NC_("summary column", "Revenue"),
  NC_("summary column", "New Cust."),
  NC_("summary column", "Repeat"),
  NC_("summary column", "Collected"),
};

static const char *
column_title (SpWorklogField field)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "summary column", column_titles[field]);
}

char *
sp_worklog_team_summary_format_value (SpWorklogTeamSummary *self,
                                      SpWorklogField        field,
                                      gint64                value)
{
  SpPreferences *preferences;

  g_return_val_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self), NULL);
  g_return_val_if_fail (field < SP_WORKLOG_N_VALUES, NULL);

  preferences = sp_page_get_preferences (SP_PAGE (self));
  if (sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY && preferences != NULL)
    return sp_money_format (value, sp_preferences_get_currency (preferences),
                            SP_MONEY_FORMAT_DEFAULT);

  return g_strdup_printf ("%lld", (long long) value);
}

/* Cells */

/* What a label of the table shows. */
typedef struct
{
  SpWorklogSummaryRow *row;
  int                  field;   /* -1: the name */
} BoundCell;

/* Each column's factory knows its summary and field. */
typedef struct
{
  SpWorklogTeamSummary *summary;
  int                   field;
} SummaryColumn;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SummaryColumn            *sc)
{
  gboolean name = sc->field < 0;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), name ? 0.0f : 1.0f);
  if (!name)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         SummaryColumn            *sc)
{
  SpWorklogTeamSummary *self = sc->summary;
  int field = sc->field;
  BoundCell *bound = g_new0 (BoundCell, 1);
  SpWorklogSummaryRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  SpWorklogSummaryRowKind kind = sp_worklog_summary_row_get_kind (row);

  if (field < 0)
    {
      gtk_label_set_label (GTK_LABEL (label), sp_worklog_summary_row_get_name (row));
      gtk_widget_set_margin_start (label, kind == SP_WORKLOG_SUMMARY_ROW_REP ? 18 : 0);
      /* Long rep names give way; the total's and the regions' names are always whole. */
      gtk_label_set_ellipsize (GTK_LABEL (label), kind == SP_WORKLOG_SUMMARY_ROW_REP
                                                    ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      gtk_widget_set_tooltip_text (label, sp_worklog_summary_row_get_name (row));
    }
  else
    {
      g_autofree char *text =
        sp_worklog_team_summary_format_value (self, field,
                                              sp_worklog_summary_row_get_total (row, field));

      gtk_label_set_label (GTK_LABEL (label), text);
    }

  if (kind == SP_WORKLOG_SUMMARY_ROW_REP)
    gtk_widget_remove_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "heading");
  if (kind == SP_WORKLOG_SUMMARY_ROW_REP && field >= 0
      && sp_worklog_summary_row_get_total (row, field) == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");

  bound->row = row;
  bound->field = field;
  g_hash_table_replace (self->bound, label, bound);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SummaryColumn            *sc)
{
  if (sc->summary->bound != NULL)
    g_hash_table_remove (sc->summary->bound, gtk_list_item_get_child (item));
}

static void
add_column (SpWorklogTeamSummary *self,
            const char           *title,
            int                   field)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  SummaryColumn *sc = g_new0 (SummaryColumn, 1);

  /* The factory belongs to the summary's column view: it goes before the summary. */
  sc->summary = self;
  sc->field = field;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), sc, (GClosureNotify) g_free,
                         0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), sc);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), sc);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, field < 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
}

/* The titles of the number columns stand right, above their numbers: the column view's
 * header is its first child, a title per column. */
static void
align_titles (GtkWidget *view)
{
  GtkWidget *header = gtk_widget_get_first_child (view);
  GtkWidget *title;

  if (header == NULL)
    return;

  title = gtk_widget_get_first_child (header);
  for (title = title != NULL ? gtk_widget_get_next_sibling (title) : NULL; title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      GtkWidget *box = gtk_widget_get_first_child (title);

      if (box == NULL)
        continue;
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child))
          gtk_label_set_xalign (GTK_LABEL (child), 1.0f);
    }
}

/* Data */

typedef struct
{
  gint64 rep_id;
  gint64 region_id;
  guint  region_rank;  /* position of the region by name; regionless reps last */
  guint  rep_rank;     /* position of the rep in sp_rep_list() */
  gint64 totals[SP_WORKLOG_N_VALUES];
} Item;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;

  if (x->region_rank != y->region_rank)
    return x->region_rank < y->region_rank ? -1 : 1;
  return (x->rep_rank > y->rep_rank) - (x->rep_rank < y->rep_rank);
}

static void
compute_range (SpWorklogTeamSummary *self,
               GDate                *first,
               GDate                *last)
{
  *first = self->day;
  if (self->period == SP_WORKLOG_PERIOD_WEEK && sp_page_get_preferences (SP_PAGE (self)) != NULL)
    {
      g_autoptr(SpCalendar) calendar =
        sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));

      sp_calendar_week_start_of (calendar, &self->day, first);
      *last = *first;
      g_date_add_days (last, 6);
    }
  else
    {
      g_date_set_day (first, 1);
      *last = *first;
      g_date_set_day (last, g_date_get_days_in_month (g_date_get_month (first),
                                                      g_date_get_year (first)));
    }
}

static void
update_texts (SpWorklogTeamSummary *self,
              const GDate          *first,
              const GDate          *last,
              guint                 n_reps)
{
  g_autofree char *first_text = sp_display_date (first);
  g_autofree char *last_text = sp_display_date (last);
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;

  if (self->period == SP_WORKLOG_PERIOD_WEEK)
    /* Translators: the week summary's heading, "Week summary · 14 Sep 2026 – 20 Sep 2026" */
    heading = g_strdup_printf (_("Week summary · %s – %s"), first_text, last_text);
  else
    /* Translators: the month summary's heading, "Month summary · 1 Sep 2026 – 30 Sep 2026" */
    heading = g_strdup_printf (_("Month summary · %s – %s"), first_text, last_text);
  gtk_label_set_label (self->heading, heading);

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Added up from the daily entries of %u rep: the "
                                          "team’s total first, then each region’s subtotal "
                                          "and its reps.",
                                          "Added up from the daily entries of %u reps: the "
                                          "team’s total first, then each region’s subtotal "
                                          "and its reps.", n_reps),
                             n_reps);
  gtk_label_set_label (self->caption, caption);
}

static gboolean
fill_rows (SpWorklogTeamSummary  *self,
           const GDate           *first,
           const GDate           *last,
           GPtrArray             *rows,
           guint                 *n_reps,
           GError               **error)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GHashTable) region_rank = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(GHashTable) region_names = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
  g_autoptr(GHashTable) rep_index = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  SpWorklogSummaryRow *team, *region = NULL;
  gint64 region_id = -1;
  guint n_regions;

  if (!(reps = sp_rep_list (store, 0, error)) || !(regions = sp_region_list (store, error))
      || !(summaries = sp_worklog_summarize_reps (store, first, last, TRUE, error)))
    return FALSE;

  n_regions = g_list_model_get_n_items (regions);
  for (guint i = 0; i < n_regions; i++)
    {
      g_autoptr(SpRegion) r = g_list_model_get_item (regions, i);
      gint64 id = sp_region_get_id (r);

      g_hash_table_insert (region_rank, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
      g_hash_table_insert (region_names, g_memdup2 (&id, sizeof id),
                           g_strdup (sp_region_get_name (r)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      g_hash_table_insert (rep_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }

  /* A rep's entries in each region they were in; the active reps without any, at zero. */
  for (guint i = 0; i < summaries->len; i++)
    {
      const SpWorklogRepSummary *s = &g_array_index (summaries, SpWorklogRepSummary, i);
      gpointer rank;
      Item item = { 0 };

      item.rep_id = s->rep_id;
      item.region_id = s->region_id;
      item.region_rank = g_hash_table_lookup_extended (region_rank, &s->region_id, NULL, &rank)
                           ? GPOINTER_TO_UINT (rank) : n_regions;
      item.rep_rank = GPOINTER_TO_UINT (g_hash_table_lookup (rep_index, &s->rep_id));
      memcpy (item.totals, s->summary.totals, sizeof item.totals);
      g_array_append_val (items, item);
      g_hash_table_add (placed, g_memdup2 (&s->rep_id, sizeof s->rep_id));
    }
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);
      gint64 rid = sp_rep_get_region_id (rep);
      gpointer rank;
      Item item = { 0 };

      if (!sp_rep_get_active (rep) || g_hash_table_contains (placed, &id))
        continue;
      item.rep_id = id;
      item.region_id = rid;
      item.region_rank = g_hash_table_lookup_extended (region_rank, &rid, NULL, &rank)
                           ? GPOINTER_TO_UINT (rank) : n_regions;
      item.rep_rank = i;
      g_array_append_val (items, item);
      g_hash_table_add (placed, g_memdup2 (&id, sizeof id));
    }
  g_array_sort (items, compare_items);
  *n_reps = g_hash_table_size (placed);

  team = sp_worklog_summary_row_new (SP_WORKLOG_SUMMARY_ROW_TEAM, 0, _("Team Total"), NULL);
  g_ptr_array_add (rows, team);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, item->rep_rank);
      const char *name;

      if (item->region_id != region_id)
        {
          region_id = item->region_id;
          name = g_hash_table_lookup (region_names, &region_id);
          region = sp_worklog_summary_row_new (SP_WORKLOG_SUMMARY_ROW_REGION, region_id,
                                               name != NULL ? name : _("No Region"), NULL);
          g_ptr_array_add (rows, region);
        }
      sp_worklog_summary_row_add (region, item->totals);
      sp_worklog_summary_row_add (team, item->totals);
      g_ptr_array_add (rows, sp_worklog_summary_row_new (SP_WORKLOG_SUMMARY_ROW_REP,
                                                         item->rep_id,
                                                         rep != NULL ? sp_rep_get_name (rep)
                                                                     : "",
                                                         item->totals));
    }

  return TRUE;
}

static void
sp_worklog_team_summary_refresh (SpPage *page)
{
  SpWorklogTeamSummary *self = SP_WORKLOG_TEAM_SUMMARY (page);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_reps = 0;
  GDate first, last;

  if (!g_date_valid (&self->day))
    return;

  compute_range (self, &first, &last);
  if (!fill_rows (self, &first, &last, rows, &n_reps, &error))
    {
      g_list_store_remove_all (self->rows);
      gtk_label_set_label (self->caption, error->message);
      return;
    }
  update_texts (self, &first, &last, n_reps);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/* The toolbar */

static void
period_toggled_cb (SpWorklogTeamSummary *self)
{
  if (self->updating)
    return;

  sp_worklog_team_summary_set_period (self, gtk_toggle_button_get_active (self->week_button)
                                              ? SP_WORKLOG_PERIOD_WEEK
                                              : SP_WORKLOG_PERIOD_MONTH);
}

static void
previous_clicked_cb (SpWorklogTeamSummary *self)
{
  sp_worklog_team_summary_step (self, -1);
}

static void
next_clicked_cb (SpWorklogTeamSummary *self)
{
  sp_worklog_team_summary_step (self, 1);
}

static GtkWidget *
create_toolbar (SpWorklogTeamSummary *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *periods = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button;

  gtk_widget_add_css_class (periods, "linked");
  self->week_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Week")));
  self->month_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Month")));
  gtk_toggle_button_set_group (self->month_button, self->week_button);
  gtk_toggle_button_set_active (self->week_button, TRUE);
  g_signal_connect_swapped (self->week_button, "toggled", G_CALLBACK (period_toggled_cb), self);
  gtk_box_append (GTK_BOX (periods), GTK_WIDGET (self->week_button));
  gtk_box_append (GTK_BOX (periods), GTK_WIDGET (self->month_button));
  gtk_box_append (GTK_BOX (toolbar), periods);

  gtk_widget_add_css_class (steps, "linked");
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, _("Previous Period"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (previous_clicked_cb), self);
  gtk_box_append (GTK_BOX (steps), button);
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (button, _("Next Period"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (steps), button);
  gtk_box_append (GTK_BOX (toolbar), steps);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0.0f);
  gtk_label_set_ellipsize (self->heading, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-4");
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->heading));

  return toolbar;
}

/* GObject */

static void
sp_worklog_team_summary_dispose (GObject *object)
{
  SpWorklogTeamSummary *self = SP_WORKLOG_TEAM_SUMMARY (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (sp_worklog_team_summary_parent_class)->dispose (object);
}

static void
sp_worklog_team_summary_class_init (SpWorklogTeamSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_worklog_team_summary_dispose;
  SP_PAGE_CLASS (klass)->refresh = sp_worklog_team_summary_refresh;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_worklog_team_summary_init (SpWorklogTeamSummary *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *scroller, *frame;

  self->period = SP_WORKLOG_PERIOD_WEEK;
  g_date_clear (&self->day, 1);
  self->rows = g_list_store_new (SP_TYPE_WORKLOG_SUMMARY_ROW);
  self->bound = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), create_toolbar (self));

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0.0f);
  gtk_label_set_wrap (self->caption, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->caption));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  add_column (self, _("Sales Rep"), -1);
  for (int field = 0; field < SP_WORKLOG_N_VALUES; field++)
    add_column (self, column_title (field), field);
  align_titles (GTK_WIDGET (self->view));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (GTK_BOX (self->box), frame);
}

GtkWidget *
sp_worklog_team_summary_new (void)
{
  return g_object_new (SP_TYPE_WORKLOG_TEAM_SUMMARY, NULL);
}

void
sp_worklog_team_summary_set_day (SpWorklogTeamSummary *self,
                                 const GDate          *day)
{
  g_return_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->day = *day;
  sp_page_queue_refresh (SP_PAGE (self));
}

void
sp_worklog_team_summary_set_period (SpWorklogTeamSummary *self,
                                    SpWorklogPeriod       period)
{
  g_return_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self));
  g_return_if_fail (period == SP_WORKLOG_PERIOD_WEEK || period == SP_WORKLOG_PERIOD_MONTH);

  self->period = period;
  self->updating = TRUE;
  gtk_toggle_button_set_active (period == SP_WORKLOG_PERIOD_WEEK ? self->week_button
                                                                 : self->month_button, TRUE);
  self->updating = FALSE;
  sp_page_queue_refresh (SP_PAGE (self));
}

SpWorklogPeriod
sp_worklog_team_summary_get_period (SpWorklogTeamSummary *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self), SP_WORKLOG_PERIOD_WEEK);

  return self->period;
}

void
sp_worklog_team_summary_get_range (SpWorklogTeamSummary *self,
                                   GDate                *first,
                                   GDate                *last)
{
  g_return_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self));
  g_return_if_fail (first != NULL && last != NULL);

  compute_range (self, first, last);
}

void
sp_worklog_team_summary_step (SpWorklogTeamSummary *self,
                              int                   delta)
{
  GDate first, last;

  g_return_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self));

  if (!g_date_valid (&self->day))
    return;

  compute_range (self, &first, &last);
  self->day = first;
  if (self->period == SP_WORKLOG_PERIOD_WEEK)
    {
      if (delta < 0)
        g_date_subtract_days (&self->day, 7);
      else
        g_date_add_days (&self->day, 7);
    }
  else if (delta < 0)
    g_date_subtract_months (&self->day, 1);
  else
    g_date_add_months (&self->day, 1);
  sp_page_queue_refresh (SP_PAGE (self));
}

GListModel *
sp_worklog_team_summary_get_rows (SpWorklogTeamSummary *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self), NULL);

  return G_LIST_MODEL (self->rows);
}

GtkLabel *
sp_worklog_team_summary_get_cell (SpWorklogTeamSummary *self,
                                  SpWorklogSummaryRow  *row,
                                  int                   field)
{
  GHashTableIter iter;
  gpointer label, value;

  g_return_val_if_fail (SP_IS_WORKLOG_TEAM_SUMMARY (self), NULL);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &label, &value))
    {
      BoundCell *bound = value;

      if (bound->row == row && bound->field == field)
        return GTK_LABEL (label);
    }
  return NULL;
}
