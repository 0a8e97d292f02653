/* sp-meeting-view-agenda.c — the agenda's figures of each meeting type as readable tables:
 * every figure is the model's (sp_meeting_agenda_for_meeting), formatted, never recomputed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-chart-scale.h"
#include "sp-display.h"
#include "sp-meeting-view-private.h"

char *
_sp_meeting_format_count (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
_sp_meeting_format_money (SpMeetingView *self,
                          gint64         amount)
{
  SpPreferences *preferences = self->workspace ? sp_workspace_get_preferences (self->workspace)
                                               : NULL;
  const SpCurrency *currency = preferences ? sp_preferences_get_currency (preferences)
                                           : sp_currency_lookup ("CNY");

  return sp_money_format (amount, currency, SP_MONEY_FORMAT_DEFAULT);
}

char *
_sp_meeting_format_rate (SpRate rate)
{
  if (rate.den == 0)
    return g_strdup ("—");
  return sp_chart_format_percent (sp_metrics_rate_to_double (rate));
}

char *
_sp_meeting_format_against (gint64   value,
                            gboolean has_required,
                            gint64   required)
{
  if (!has_required)
    return _sp_meeting_format_count (value);
  return g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, value, required);
}

/* A table: a grid with a heading row; cells are labels. */
static GtkGrid *
table_new (SpMeetingView      *self,
           const char         *name,
           const char * const *headings,
           guint               n_columns)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "sp-meeting-table");
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (headings[c]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 13);
      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0.0f : 1.0f);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, (int) c, 0, 1, 1);
    }
  g_hash_table_replace (self->tables, g_strdup (name), grid);
  return grid;
}

/* Appends a row of @n cells (taken); the first is text, aligned left, the others figures
 * aligned right unless @text_columns says so (a mask of columns with text). */
static void
table_row (GtkGrid  *grid,
           guint     text_columns,
           guint     warn_columns,
           char    **cells,
           guint     n)
{
  int row = 1;

  while (gtk_grid_get_child_at (grid, 0, row) != NULL)
    row++;
  /* Headings align with their column. */
  if (row == 1)
    for (guint c = 1; c < n; c++)
      if ((text_columns & (1u << c)) != 0)
        gtk_label_set_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, (int) c, 0)), 0.0f);
  for (guint c = 0; c < n; c++)
    {
      gboolean text = c == 0 || (text_columns & (1u << c)) != 0;
      GtkWidget *label = gtk_label_new (cells[c] ? cells[c] : "");

      gtk_label_set_xalign (GTK_LABEL (label), text ? 0.0f : 1.0f);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      if (text)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_max_width_chars (GTK_LABEL (label), c == 0 ? 16 : 40);
          gtk_widget_set_hexpand (label, c != 0);
        }
      else
        gtk_widget_add_css_class (label, "numeric");
      if ((warn_columns & (1u << c)) != 0)
        gtk_widget_add_css_class (label, "warning");
      gtk_grid_attach (grid, label, (int) c, row, 1, 1);
      g_free (cells[c]);
    }
}

static void
add_heading (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (box, label);
}

static void
add_text (GtkBox     *box,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (box, label);
}

static void
add_table (GtkBox  *box,
           GtkGrid *grid)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));
  gtk_box_append (box, card);
}

/* Rep | the five activities (against a requirement) | orders | revenue. */
static void
activity_table (SpMeetingView *self,
                GtkBox        *box,
                const char    *name,
                gboolean       today_required,
                gboolean       with_results)
{
  const char *headings[8];
  guint n = 0;
  GtkGrid *grid;

  headings[n++] = _("Rep");
  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    headings[n++] = sp_workload_stage_get_name (s);
  if (with_results)
    {
      headings[n++] = sp_worklog_field_get_label (SP_WORKLOG_FIELD_ORDERS);
      headings[n++] = sp_worklog_field_get_label (SP_WORKLOG_FIELD_REVENUE);
    }
  grid = table_new (self, name, headings, n);

  for (guint i = 0; i < self->agenda->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (self->agenda->reps, i);
      char *cells[8];
      guint c = 0, warn = 0;

      if (with_results && !r->logged && !today_required)
        {
          cells[c++] = g_strdup (r->rep_name);
          for (; c < n; c++)
            cells[c] = g_strdup ("—");
          table_row (grid, 0, 0, cells, n);
          continue;
        }
      cells[c++] = g_strdup (r->rep_name);
      for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++, c++)
        {
          if (today_required)
            cells[c] = r->has_required_today ? _sp_meeting_format_count (r->required_today[s])
                                             : g_strdup ("—");
          else
            cells[c] = _sp_meeting_format_against (r->activities[s], r->has_required,
                                                   r->required[s]);
          if (!today_required && (r->below & SP_WORKLOG_STAGE_BIT (s)) != 0)
            warn |= 1u << c;
        }
      if (with_results)
        {
          cells[c++] = _sp_meeting_format_count (r->orders);
          cells[c++] = _sp_meeting_format_money (self, r->revenue);
        }
      table_row (grid, 0, warn, cells, n);
    }
  add_table (box, grid);
}

/* Rep | a note of the day, for the reps who wrote one. */
static void
notes_table (SpMeetingView *self,
             GtkBox        *box,
             const char    *name,
             gboolean       plans)
{
  const char *plan_headings[] = { _("Rep"), _("Plan") };
  const char *problem_headings[] = { _("Rep"), _("Problems"), _("Help needed") };
  GtkGrid *grid = plans ? table_new (self, name, plan_headings, 2)
                        : table_new (self, name, problem_headings, 3);
  guint n_rows = 0;

  for (guint i = 0; i < self->agenda->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (self->agenda->reps, i);

      if (plans && r->plan[0] != '\0')
        {
          char *cells[] = { g_strdup (r->rep_name), g_strdup (r->plan) };

          table_row (grid, 0x2, 0, cells, 2);
          n_rows++;
        }
      else if (!plans && (r->problems[0] != '\0' || r->help_needed[0] != '\0'))
        {
          char *cells[] = { g_strdup (r->rep_name), g_strdup (r->problems),
                            g_strdup (r->help_needed) };

          table_row (grid, 0x6, 0, cells, 3);
          n_rows++;
        }
    }
  if (n_rows > 0)
    add_table (box, grid);
  else
    add_text (box, plans ? _("No one wrote a plan.") : _("No problems and no help asked for."));
}

static void
missing_list (SpMeetingView *self,
              GtkBox        *box)
{
  const char *headings[] = { _("Rep"), _("Region") };
  GtkGrid *grid = table_new (self, "missing", headings, 2);
  guint n_rows = 0;

  for (guint i = 0; i < self->agenda->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (self->agenda->reps, i);

      if (!r->logged)
        {
          char *cells[] = { g_strdup (r->rep_name), g_strdup (r->region_name ? r->region_name
                                                                             : "") };

          table_row (grid, 0x2, 0, cells, 2);
          n_rows++;
        }
    }
  if (n_rows > 0)
    add_table (box, grid);
  else
    add_text (box, _("Every rep logged the day."));
}

static void
below_table (SpMeetingView *self,
             GtkBox        *box)
{
  const char *headings[] = { _("Rep"), _("Below the required rate") };
  GtkGrid *grid = table_new (self, "below", headings, 2);
  guint n_rows = 0;

  for (guint i = 0; i < self->agenda->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (self->agenda->reps, i);
      g_autoptr(GString) stages = g_string_new (NULL);

      if (r->below == 0)
        continue;
      for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
        if ((r->below & SP_WORKLOG_STAGE_BIT (s)) != 0)
          {
            if (stages->len > 0)
              g_string_append (stages, _(", "));
            g_string_append (stages, sp_workload_stage_get_name (s));
          }
      {
        char *cells[] = { g_strdup (r->rep_name), g_strdup (stages->str) };

        table_row (grid, 0x2, 0x2, cells, 2);
      }
      n_rows++;
    }
  if (n_rows > 0)
    add_table (box, grid);
  else
    add_text (box, _("Every rep is on the required rate."));
}

static void
totals_table (SpMeetingView *self,
              GtkBox        *box,
              const char    *name,
              const char    *first_heading,
              GPtrArray     *totals)
{
  const char *headings[8];
  guint n = 0;
  GtkGrid *grid;

  headings[n++] = first_heading;
  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    headings[n++] = sp_workload_stage_get_name (s);
  headings[n++] = sp_worklog_field_get_label (SP_WORKLOG_FIELD_ORDERS);
  headings[n++] = sp_worklog_field_get_label (SP_WORKLOG_FIELD_REVENUE);
  grid = table_new (self, name, headings, n);
  for (guint i = 0; i < totals->len; i++)
    {
      const SpAgendaTotal *t = g_ptr_array_index (totals, i);
      char *cells[8];
      guint c = 0;

      cells[c++] = g_strdup (t->name);
      for (guint f = SP_WORKLOG_FIELD_PROSPECTS; f <= SP_WORKLOG_FIELD_ORDERS; f++)
        cells[c++] = _sp_meeting_format_count (t->summary.totals[f]);
      cells[c++] = _sp_meeting_format_money (self, t->summary.totals[SP_WORKLOG_FIELD_REVENUE]);
      table_row (grid, 0, 0, cells, n);
    }
  add_table (box, grid);
}

static void
ranking_table (SpMeetingView *self,
               GtkBox        *box,
               const char    *name,
               const char    *first_heading,
               GPtrArray     *ranking)
{
  const char *headings[] = { _("Rank"), first_heading, _("Result"), _("Target"),
                             _("Attainment") };
  GtkGrid *grid = table_new (self, name, headings, 5);

  for (guint i = 0; i < ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (ranking, i);
      char *cells[] = { _sp_meeting_format_count (r->rank), g_strdup (r->name),
                        _sp_meeting_format_money (self, r->actual),
                        _sp_meeting_format_money (self, r->target),
                        _sp_meeting_format_rate (r->attainment) };

      table_row (grid, 0x2, 0, cells, 5);
    }
  add_table (box, grid);
}

static void
deals_table (SpMeetingView *self,
             GtkBox        *box,
             const char    *name,
             const char    *heading,
             GPtrArray     *deals,
             gboolean       lost)
{
  const char *headings[] = { _("Opportunity"), _("Rep"), _("Stage"), _("Amount"), _("Day"),
                             _("Lost reason") };
  GtkGrid *grid;

  add_heading (box, heading);
  if (deals->len == 0)
    {
      add_text (box, _("None."));
      return;
    }
  grid = table_new (self, name, headings, lost ? 6 : 5);
  for (guint i = 0; i < deals->len; i++)
    {
      const SpAgendaDeal *d = g_ptr_array_index (deals, i);
      char *cells[] = { g_strdup (d->title), g_strdup (d->rep_name ? d->rep_name : ""),
                        g_strdup (d->stage), _sp_meeting_format_money (self, d->amount),
                        sp_display_date (&d->day), g_strdup (d->lost_reason) };

      table_row (grid, 0x26, 0, cells, lost ? 6 : 5);
      if (!lost)
        g_free (cells[5]);
    }
  add_table (box, grid);
}

static void
counts_table (SpMeetingView *self,
              GtkBox        *box,
              const char    *name,
              const char    *first_heading,
              GPtrArray     *counts,
              gboolean       with_target)
{
  const char *headings[] = { first_heading, _("Count"), _("Amount"), _("Target") };
  GtkGrid *grid;

  if (counts->len == 0)
    {
      add_text (box, _("None."));
      return;
    }
  grid = table_new (self, name, headings, with_target ? 4 : 3);
  for (guint i = 0; i < counts->len; i++)
    {
      const SpAgendaCount *k = g_ptr_array_index (counts, i);
      char *cells[] = { g_strdup (k->name[0] ? k->name : _("(none given)")),
                        _sp_meeting_format_count (k->count),
                        _sp_meeting_format_money (self, k->amount),
                        _sp_meeting_format_money (self, k->target) };

      table_row (grid, 0, 0, cells, with_target ? 4 : 3);
      if (!with_target)
        g_free (cells[3]);
    }
  add_table (box, grid);
}

static void
team_table (SpMeetingView *self,
            GtkBox        *box)
{
  const SpMeetingAgenda *a = self->agenda;
  const char *headings[] = { _("Period"), _("Result"), _("Target"), _("Attainment") };
  GtkGrid *grid = table_new (self, "team", headings, 4);
  char *cells[] = { g_strdup (_("Team")), _sp_meeting_format_money (self, a->team.actual),
                    _sp_meeting_format_money (self, a->team.target),
                    _sp_meeting_format_rate (a->team.attainment) };

  table_row (grid, 0, 0, cells, 4);
  add_table (box, grid);
}

static void
kpis_table (SpMeetingView *self,
            GtkBox        *box)
{
  const SpMetricsKpis *now = &self->agenda->kpis, *before = &self->agenda->previous_kpis;
  const char *headings[] = { _("Key success factor"), _("This month"), _("Last month") };
  GtkGrid *grid = table_new (self, "kpis", headings, 3);
  struct { const char *name; char *now, *before; } rows[] = {
    { _("Effective leads"), _sp_meeting_format_count (now->effective_leads),
      _sp_meeting_format_count (before->effective_leads) },
    { _("Effective opportunities"), _sp_meeting_format_count (now->effective_opportunities),
      _sp_meeting_format_count (before->effective_opportunities) },
    { _("Win rate"), _sp_meeting_format_rate (now->win_rate),
      _sp_meeting_format_rate (before->win_rate) },
    { _("Won"), _sp_meeting_format_count (now->won), _sp_meeting_format_count (before->won) },
    { _("Average deal size"), _sp_meeting_format_money (self, now->average_deal_size.value),
      _sp_meeting_format_money (self, before->average_deal_size.value) },
    { _("Collection rate"), _sp_meeting_format_rate (now->collection_rate),
      _sp_meeting_format_rate (before->collection_rate) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char *cells[] = { g_strdup (rows[i].name), rows[i].now, rows[i].before };

      table_row (grid, 0, 0, cells, 3);
    }
  add_table (box, grid);
}

static void
gap_table (SpMeetingView *self,
           GtkBox        *box)
{
  const char *headings[] = { _("Year’s target"), _("Result so far"), _("Gap") };
  GtkGrid *grid = table_new (self, "gap", headings, 3);
  char *cells[] = { _sp_meeting_format_money (self, self->agenda->year_target),
                    _sp_meeting_format_money (self, self->agenda->year_actual),
                    _sp_meeting_format_money (self, self->agenda->year_gap) };

  /* The first column is a figure here too. */
  table_row (grid, 0, 0, cells, 3);
  gtk_label_set_xalign (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 1)), 1.0f);
  add_table (box, grid);
}

static void
periods_table (SpMeetingView *self,
               GtkBox        *box)
{
  const char *headings[] = { _("Month"), _("Result"), _("Target"), _("Attainment") };
  GtkGrid *grid = table_new (self, "periods", headings, 4);

  for (guint i = 0; i < self->agenda->months->len; i++)
    {
      const SpAgendaPeriod *p = g_ptr_array_index (self->agenda->months, i);
      char month[64];
      char *cells[4];

      g_date_strftime (month, sizeof month, C_("month of a review", "%b %Y"), &p->first);
      cells[0] = g_strdup (month);
      cells[1] = _sp_meeting_format_money (self, p->attainment.actual);
      cells[2] = _sp_meeting_format_money (self, p->attainment.target);
      cells[3] = _sp_meeting_format_rate (p->attainment.attainment);
      table_row (grid, 0, 0, cells, 4);
    }
  add_table (box, grid);
}

static void
measures_table (SpMeetingView *self,
                GtkBox        *box)
{
  const char *headings[] = { _("Goal or measure"), _("Target"), _("Deadline") };
  GtkGrid *grid;

  if (self->agenda->measures->len == 0)
    {
      add_text (box, _("The plan has no goals or measures."));
      return;
    }
  grid = table_new (self, "ogsmt", headings, 3);
  for (guint i = 0; i < self->agenda->measures->len; i++)
    {
      const SpAgendaMeasure *m = g_ptr_array_index (self->agenda->measures, i);
      char *cells[] = { g_strdup (m->text),
                        m->has_target ? (m->kind == SP_OGSMT_GOAL
                                         ? _sp_meeting_format_money (self, m->target_value)
                                         : _sp_meeting_format_count (m->target_value))
                                      : g_strdup ("—"),
                        g_date_valid (&m->deadline) ? sp_display_date (&m->deadline)
                                                    : g_strdup ("—") };

      table_row (grid, 0, m->due ? 0x4 : 0, cells, 3);
    }
  add_table (box, grid);
}

static void
actions_table (SpMeetingView *self,
               GtkBox        *box)
{
  GListModel *items = self->agenda->open_actions;
  const char *headings[] = { _("Action item"), _("Owner"), _("Due"), _("Phase") };
  GtkGrid *grid;

  if (items == NULL || g_list_model_get_n_items (items) == 0)
    {
      add_text (box, _("No open action items."));
      return;
    }
  grid = table_new (self, "actions", headings, 4);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SpActionItem) item = g_list_model_get_item (items, i);
      char *cells[] = { g_strdup (sp_action_item_get_text (item)),
                        g_strdup (sp_action_item_get_rep_name (item) ?: ""),
                        sp_display_iso_date (sp_action_item_get_due_on (item)),
                        g_strdup (sp_action_phase_get_name (sp_action_item_get_phase (item))) };

      table_row (grid, 0xf, 0, cells, 4);
    }
  add_table (box, grid);
}

gboolean
_sp_meeting_view_fill_section (SpMeetingView *self,
                               const char    *key,
                               GtkBox        *box)
{
  SpMeetingAgenda *a = self->agenda;

  if (a == NULL)
    return FALSE;

  switch (a->kind)
    {
    case SP_MEETING_MORNING:
      if (g_str_equal (key, "results"))
        activity_table (self, box, "results", FALSE, TRUE);
      else if (g_str_equal (key, "required"))
        activity_table (self, box, "required", TRUE, FALSE);
      else if (g_str_equal (key, "plans"))
        notes_table (self, box, "plans", TRUE);
      else if (g_str_equal (key, "missing"))
        missing_list (self, box);
      else
        return FALSE;
      return TRUE;
    case SP_MEETING_EVENING:
      if (g_str_equal (key, "entries"))
        activity_table (self, box, "entries", FALSE, TRUE);
      else if (g_str_equal (key, "below"))
        below_table (self, box);
      else if (g_str_equal (key, "problems"))
        notes_table (self, box, "problems", FALSE);
      else if (g_str_equal (key, "plans"))
        notes_table (self, box, "plans", TRUE);
      else
        return FALSE;
      return TRUE;
    case SP_MEETING_WEEKLY:
      if (g_str_equal (key, "totals"))
        {
          totals_table (self, box, "totals-reps", _("Rep"), a->rep_totals);
          totals_table (self, box, "totals-regions", _("Region"), a->region_totals);
        }
      else if (g_str_equal (key, "ranking"))
        {
          ranking_table (self, box, "ranking-reps", _("Rep"), a->rep_ranking);
          ranking_table (self, box, "ranking-regions", _("Region"), a->region_ranking);
        }
      else if (g_str_equal (key, "funnel"))
        {
          deals_table (self, box, "funnel-new", _("New"), a->new_deals, FALSE);
          deals_table (self, box, "funnel-advanced", _("Advanced"), a->advanced_deals, FALSE);
          deals_table (self, box, "funnel-won", _("Won"), a->won_deals, FALSE);
          deals_table (self, box, "funnel-lost", _("Lost"), a->lost_deals, TRUE);
        }
      else if (g_str_equal (key, "actions"))
        actions_table (self, box);
      else
        return FALSE;
      return TRUE;
    case SP_MEETING_MONTHLY:
      if (g_str_equal (key, "attainment"))
        {
          team_table (self, box);
          ranking_table (self, box, "ranking-regions", _("Region"), a->region_ranking);
          ranking_table (self, box, "ranking-reps", _("Rep"), a->rep_ranking);
        }
      else if (g_str_equal (key, "kpis"))
        kpis_table (self, box);
      else if (g_str_equal (key, "lost"))
        counts_table (self, box, "lost", _("Lost reason"), a->lost_reasons, FALSE);
      else if (g_str_equal (key, "gap"))
        gap_table (self, box);
      else
        return FALSE;
      return TRUE;
    case SP_MEETING_REVIEW:
      if (g_str_equal (key, "periods"))
        {
          team_table (self, box);
          periods_table (self, box);
          add_heading (box, _("Lost reasons"));
          counts_table (self, box, "lost", _("Lost reason"), a->lost_reasons, FALSE);
        }
      else if (g_str_equal (key, "regions"))
        ranking_table (self, box, "ranking-regions", _("Region"), a->region_ranking);
      else if (g_str_equal (key, "reps"))
        ranking_table (self, box, "ranking-reps", _("Rep"), a->rep_ranking);
      else if (g_str_equal (key, "products"))
        counts_table (self, box, "products", _("Product"), a->products, TRUE);
      else if (g_str_equal (key, "ogsmt"))
        measures_table (self, box);
      else
        return FALSE;
      return TRUE;
    case SP_MEETING_SHARING:
      if (g_str_equal (key, "case") && a->case_deal != NULL)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, a->case_deal);
          deals_table (self, box, "case", _("Won opportunity"), one, FALSE);
          return TRUE;
        }
      return FALSE;
    case SP_MEETING_COACHING:
    case SP_MEETING_WORKSHOP:
    default:
      return FALSE;
    }
}

const char *
_sp_meeting_view_get_cell (SpMeetingView *self,
                           const char    *name,
                           guint          row,
                           guint          column)
{
  GtkGrid *grid = g_hash_table_lookup (self->tables, name);
  GtkWidget *cell;

  if (grid == NULL)
    return NULL;
  cell = gtk_grid_get_child_at (grid, (int) column, (int) row + 1);
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

guint
_sp_meeting_view_get_n_rows (SpMeetingView *self,
                             const char    *name)
{
  GtkGrid *grid = g_hash_table_lookup (self->tables, name);
  guint n = 0;

  while (grid != NULL && gtk_grid_get_child_at (grid, 0, (int) n + 1) != NULL)
    n++;
  return n;
}
