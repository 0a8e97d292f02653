/* sp-worklog-page-summary.c — the Work Log form's read-only parts: the day's required
 * activity as progress, the plan written the day before, and the month's summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-rep-workload.h"
#include "sp-worklog-page-private.h"

static char *
count_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* "12 / 18" per activity: today's count against what the workload formula requires per
 * working day of this month. */
void
_sp_worklog_page_load_required (SpWorklogPage *self)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  SpRepWorkload workload;
  SpWorkload required = { 0 };
  gboolean computed = FALSE, exists = FALSE;
  GDate first, last;
  guint n_active;

  sp_rep_workload_month_of (calendar, &self->day, &first, &last);
  n_active = sp_rep_workload_count_active (store, NULL);
  if (!sp_rep_workload_init (&workload, sp_page_get_preferences (SP_PAGE (self)), self->rep_id,
                             n_active, &first, &last, &self->today, &error))
    why = g_strdup (error->message);
  else if (!workload.has_plan)
    why = g_strdup (_("There is no plan for this fiscal year, so no activity is required yet."));
  else if (!(computed = sp_workload_compute (&workload.input, &required, &error)))
    why = g_strdup (error->message);
  else if (workload.used_team)
    why = g_strdup (_("Required per working day this month, from the rep’s target (the "
                      "breakdown’s, else an equal share of the plan) and the team’s conversion "
                      "rates (this rep has too little history of their own)."));
  else
    why = g_strdup (_("Required per working day this month, from the rep’s target (the "
                      "breakdown’s, else an equal share of the plan) and this rep’s "
                      "conversion rates over the last 90 days."));

  if (!sp_calendar_is_working_day (calendar, &self->day))
    {
      g_autofree char *note = g_strdup_printf ("%s %s", _("This is not a working day."), why);

      g_free (why);
      why = g_steal_pointer (&note);
    }
  gtk_label_set_label (self->subtitle, why);

  sp_worklog_get (store, self->rep_id, &self->day, &entry, &exists, NULL);
  for (guint i = 0; i <= SP_WORKLOG_FIELD_CLOSES; i++)
    {
      Field *f = &self->fields[i];
      gint64 done = entry.values[i];
      gint64 need = computed ? required.per_day[i] : 0;
      g_autofree char *text = NULL;

      if (computed)
        {
          g_autofree char *done_text = count_text (done);
          g_autofree char *need_text = count_text (need);

          /* Translators: an activity's count today against the count required, "12 / 18" */
          text = g_strdup_printf (_("%s / %s"), done_text, need_text);
        }
      else
        text = count_text (done);
      gtk_label_set_label (f->progress, text);
      gtk_widget_set_visible (GTK_WIDGET (f->level), computed);
      gtk_level_bar_set_value (f->level, need > 0 ? MIN (1.0, (double) done / need) : 1.0);
    }
}

void
_sp_worklog_page_load_previous_plan (SpWorklogPage *self)
{
  g_autofree char *plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate plan_day;

  g_date_clear (&plan_day, 1);
  if (!sp_worklog_previous_plan (sp_page_get_store (SP_PAGE (self)), self->rep_id,
                                 &self->day, &plan, &plan_day, &error))
    {
      gtk_label_set_label (self->plan_heading, _("Plan for Today"));
      gtk_label_set_label (self->plan_text, error->message);
      return;
    }

  if (plan == NULL)
    {
      gtk_label_set_label (self->plan_heading, _("Plan for Today"));
      gtk_label_set_label (self->plan_text, _("No earlier entry: nothing was planned for today."));
    }
  else
    {
      g_autofree char *date = sp_display_date (&plan_day);
      /* Translators: heading over the "tomorrow's plan" written in an earlier entry; %s is
       * its date */
      g_autofree char *title = g_strdup_printf (_("Plan Written on %s"), date);

      gtk_label_set_label (self->plan_heading, title);
      gtk_label_set_label (self->plan_text, plan[0] ? plan : _("(No plan was written.)"));
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static const SpWorklogField summary_fields[] = {
  SP_WORKLOG_FIELD_PROSPECTS, SP_WORKLOG_FIELD_APPOINTMENTS, SP_WORKLOG_FIELD_PRESENTATIONS,
  SP_WORKLOG_FIELD_OBJECTIONS, SP_WORKLOG_FIELD_CLOSES, SP_WORKLOG_FIELD_ORDERS,
  SP_WORKLOG_FIELD_REVENUE,
};

static void
add_summary_row (SpWorklogPage          *self,
                 int                     row,
                 const char             *title,
                 const SpWorklogSummary *summary,
                 gboolean                total)
{
  GtkWidget *label = _sp_worklog_page_create_label (title, 0.0f);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->summary_grid, label, 0, row, 1, 1);
  for (guint c = 0; c < G_N_ELEMENTS (summary_fields); c++)
    {
      SpWorklogField field = summary_fields[c];
      gint64 value = summary->totals[field];
      g_autofree char *text = NULL;

      if (sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY)
        text = sp_money_format (value,
                                sp_preferences_get_currency (
                                  sp_page_get_preferences (SP_PAGE (self))),
                                SP_MONEY_FORMAT_DEFAULT);
      else
        text = count_text (value);
      label = _sp_worklog_page_create_label (text, 1.0f);
      gtk_widget_add_css_class (label, "numeric");
      if (total)
        gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->summary_grid, label, c + 1, row, 1, 1);
    }
}

void
_sp_worklog_page_load_summaries (SpWorklogPage *self)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;
  int row = 1;

  clear_grid (self->summary_grid);
  gtk_label_set_label (self->summary_heading, _("This Month’s Summaries"));
  sp_rep_workload_month_of (calendar, &self->day, &first, &last);
  if (!(weeks = sp_worklog_summarize_periods (store, self->rep_id, 0, SP_WORKLOG_PERIOD_WEEK,
                                              &first, &last, &error))
      || !(months = sp_worklog_summarize_periods (store, self->rep_id, 0,
                                                  SP_WORKLOG_PERIOD_MONTH, &first, &last,
                                                  &error)))
    {
      gtk_grid_attach (self->summary_grid, _sp_worklog_page_create_label (error->message, 0.0f), 0, 0, 1, 1);
      return;
    }

  {
    GtkWidget *label = _sp_worklog_page_create_label (_("Period"), 0.0f);

    gtk_widget_set_valign (label, GTK_ALIGN_END);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (label, "caption-heading");
    gtk_grid_attach (self->summary_grid, label, 0, 0, 1, 1);
  }
  for (guint c = 0; c < G_N_ELEMENTS (summary_fields); c++)
    {
      GtkWidget *label = _sp_worklog_page_create_label (_sp_worklog_page_field_label (summary_fields[c]), 1.0f);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->summary_grid, label, c + 1, 0, 1, 1);
    }

  for (guint i = 0; i < weeks->len; i++)
    {
      SpWorklogSummary *week = &g_array_index (weeks, SpWorklogSummary, i);
      g_autofree char *date = sp_display_date (&week->first);
      /* Translators: a row of the summaries, the week starting on %s */
      g_autofree char *title = g_strdup_printf (_("Week of %s"), date);

      add_summary_row (self, row++, title, week, FALSE);
    }
  for (guint i = 0; i < months->len; i++)
    add_summary_row (self, row++, _("Month"), &g_array_index (months, SpWorklogSummary, i),
                     TRUE);
}
