/* sp-meeting-agenda.c — the agenda data of the daily meetings (morning, evening), the
 * rankings, the period a meeting looks at, and the agenda's lifetime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-meeting-agenda-private.h"
#include "sp-rep-workload.h"
#include "sp-plan.h"
#include "sp-preferences.h"
#include "sp-rep.h"

/* Days of work log the workload rates are read from, as the Workload view reads them. */

static void
rep_day_free (gpointer data)
{
  SpAgendaRepDay *row = data;

  g_free (row->rep_name);
  g_free (row->region_name);
  g_free (row->problems);
  g_free (row->help_needed);
  g_free (row->plan);
  g_free (row);
}

static void
total_free (gpointer data)
{
  SpAgendaTotal *total = data;

  g_free (total->name);
  g_free (total);
}

void
sp_agenda_rank_free (gpointer data)
{
  SpAgendaRank *rank = data;

  g_free (rank->name);
  g_free (rank);
}

void
sp_agenda_deal_free (gpointer data)
{
  SpAgendaDeal *deal = data;

  if (deal == NULL)
    return;
  g_free (deal->title);
  g_free (deal->rep_name);
  g_free (deal->stage);
  g_free (deal->lost_reason);
  g_free (deal);
}

void
sp_agenda_count_free (gpointer data)
{
  SpAgendaCount *count = data;

  g_free (count->name);
  g_free (count);
}

void
sp_meeting_agenda_free (SpMeetingAgenda *agenda)
{
  if (agenda == NULL)
    return;
  g_clear_pointer (&agenda->reps, g_ptr_array_unref);
  g_clear_pointer (&agenda->rep_totals, g_ptr_array_unref);
  g_clear_pointer (&agenda->region_totals, g_ptr_array_unref);
  g_clear_pointer (&agenda->rep_ranking, g_ptr_array_unref);
  g_clear_pointer (&agenda->region_ranking, g_ptr_array_unref);
  g_clear_pointer (&agenda->new_deals, g_ptr_array_unref);
  g_clear_pointer (&agenda->advanced_deals, g_ptr_array_unref);
  g_clear_pointer (&agenda->won_deals, g_ptr_array_unref);
  g_clear_pointer (&agenda->lost_deals, g_ptr_array_unref);
  g_clear_pointer (&agenda->lost_reasons, g_ptr_array_unref);
  g_clear_pointer (&agenda->burn_up, g_array_unref);
  g_clear_pointer (&agenda->months, g_ptr_array_unref);
  g_clear_pointer (&agenda->products, g_ptr_array_unref);
  g_clear_pointer (&agenda->measures, g_ptr_array_unref);
  g_clear_pointer (&agenda->case_deal, sp_agenda_deal_free);
  g_clear_object (&agenda->open_actions);
  g_free (agenda);
}

/* The period of @kind containing @day. */
static void
period_of (const SpCalendar      *calendar,
           SpMeetingKind          kind,
           SpMeetingReviewPeriod  period,
           const GDate           *day,
           GDate                 *first,
           GDate                 *last)
{
  int year = sp_calendar_fiscal_year_of (calendar, day);
  guint month = sp_calendar_fiscal_month_index (calendar, day);
  GDate unused;

  switch (kind)
    {
    case SP_MEETING_WEEKLY:
      sp_calendar_week_start_of (calendar, day, first);
      *last = *first;
      g_date_add_days (last, 6);
      break;
    case SP_MEETING_MONTHLY:
      sp_calendar_month_range (calendar, year, month, first, last);
      break;
    case SP_MEETING_REVIEW:
      {
        guint months = period == SP_MEETING_REVIEW_YEAR ? 12
                       : period == SP_MEETING_REVIEW_HALF_YEAR ? 6 : 3;
        guint start = month / months * months;

        sp_calendar_month_range (calendar, year, start, first, &unused);
        sp_calendar_month_range (calendar, year, start + months - 1, &unused, last);
      }
      break;
    case SP_MEETING_MORNING:
    case SP_MEETING_EVENING:
    case SP_MEETING_SHARING:
    case SP_MEETING_COACHING:
    case SP_MEETING_WORKSHOP:
    default:
      *first = *last = *day;
    }
}

void
sp_meeting_agenda_get_period (const SpCalendar      *calendar,
                              SpMeetingKind          kind,
                              SpMeetingReviewPeriod  period,
                              const GDate           *day,
                              GDate                 *first,
                              GDate                 *last)
{
  g_return_if_fail (calendar != NULL);
  g_return_if_fail (day != NULL && g_date_valid (day));

  switch (kind)
    {
    case SP_MEETING_MORNING:
      {
        GDate d = *day;

        for (guint i = 0; i < 31; i++)
          {
            g_date_subtract_days (&d, 1);
            if (sp_calendar_is_working_day (calendar, &d))
              {
                *first = *last = d;
                return;
              }
          }
        *first = *day;
        g_date_subtract_days (first, 1);
        *last = *first;
      }
      return;

    case SP_MEETING_WEEKLY:
    case SP_MEETING_MONTHLY:
    case SP_MEETING_REVIEW:
      {
        guint length, offset;

        period_of (calendar, kind, period, day, first, last);
        length = g_date_days_between (first, last) + 1;
        offset = g_date_days_between (first, day);
        if (offset * 2 < length)
          {
            GDate before = *first;

            g_date_subtract_days (&before, 1);
            period_of (calendar, kind, period, &before, first, last);
          }
      }
      return;

    case SP_MEETING_EVENING:
    case SP_MEETING_SHARING:
    case SP_MEETING_COACHING:
    case SP_MEETING_WORKSHOP:
    default:
      *first = *last = *day;
    }
}

/* What the workload formula asks of @rep_id per working day in the fiscal month containing
 * @day, with rates up to @today: the Workload view's own inputs (sp-rep-workload.h), so the
 * agenda shows the figures the Workload view shows. */
gboolean
sp_agenda_required_per_day (SpStore          *store,
                            const SpCalendar *calendar,
                            gint64            rep_id,
                            guint             n_active,
                            const GDate      *day,
                            const GDate      *today,
                            gint64            per_day[SP_WORKLOAD_N_STAGES])
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);
  SpRepWorkload rep;
  SpWorkload workload;
  GDate first, last;

  memset (per_day, 0, sizeof (gint64) * SP_WORKLOAD_N_STAGES);
  sp_rep_workload_month_of ((SpCalendar *) calendar, day, &first, &last);
  if (!sp_rep_workload_init (&rep, preferences, rep_id, n_active, &first, &last, today, NULL)
      || !rep.has_plan
      || !sp_workload_compute (&rep.input, &workload, NULL))
    return FALSE;

  memcpy (per_day, workload.per_day, sizeof workload.per_day);
  return TRUE;
}

static gboolean
fill_daily (SpStore          *store,
            const SpCalendar *calendar,
            SpMeetingAgenda  *agenda,
            GError          **error)
{
  gboolean morning = agenda->kind == SP_MEETING_MORNING;
  g_autoptr(GArray) rows = sp_worklog_list_day (store, &agenda->first, 0, error);
  guint n_active = sp_rep_workload_count_active (store, NULL);
  GDate month_first, unused;

  if (rows == NULL)
    return FALSE;
  sp_calendar_month_range (calendar, sp_calendar_fiscal_year_of (calendar, &agenda->first),
                           sp_calendar_fiscal_month_index (calendar, &agenda->first),
                           &month_first, &unused);

  agenda->reps = g_ptr_array_new_with_free_func (rep_day_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const SpWorklogDayRow *row = &g_array_index (rows, SpWorklogDayRow, i);
      SpAgendaRepDay *out = g_new0 (SpAgendaRepDay, 1);

      out->rep_id = row->rep_id;
      out->rep_name = g_strdup (row->rep_name);
      out->region_id = row->region_id;
      out->region_name = g_strdup (row->region_name);
      out->logged = row->exists;
      for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
        out->activities[s] = row->entry.values[SP_WORKLOG_FIELD_PROSPECTS + s];
      out->orders = row->entry.values[SP_WORKLOG_FIELD_ORDERS];
      out->revenue = row->entry.values[SP_WORKLOG_FIELD_REVENUE];
      out->has_required = sp_agenda_required_per_day (store, calendar, row->rep_id, n_active,
                                                      &agenda->first, &agenda->day,
                                                      out->required);
      if (morning)
        {
          g_autofree char *plan = NULL;

          if (out->has_required)
            {
              SpWorklogSummary day = { 0 };

              for (guint f = 0; f < SP_WORKLOG_N_VALUES; f++)
                day.totals[f] = row->entry.values[f];
              out->below = sp_worklog_activities_below (&day, 1, out->required);
            }
          out->has_required_today = sp_agenda_required_per_day (store, calendar, row->rep_id,
                                                                n_active, &agenda->day,
                                                                &agenda->day,
                                                                out->required_today);
          if (!sp_worklog_previous_plan (store, row->rep_id, &agenda->day, &plan, NULL, error))
            return FALSE;
          out->plan = plan != NULL ? g_steal_pointer (&plan) : g_strdup ("");
          out->problems = g_strdup ("");
          out->help_needed = g_strdup ("");
        }
      else
        {
          if (out->has_required
              && !sp_worklog_below_required (store, row->rep_id, &month_first, &agenda->first,
                                             out->required, &out->below, NULL, error))
            return FALSE;
          out->problems = g_strdup (sp_worklog_entry_get_note (&row->entry,
                                                               SP_WORKLOG_FIELD_PROBLEMS));
          out->help_needed = g_strdup (sp_worklog_entry_get_note (&row->entry,
                                                                  SP_WORKLOG_FIELD_HELP_NEEDED));
          out->plan = g_strdup (sp_worklog_entry_get_note (&row->entry,
                                                           SP_WORKLOG_FIELD_TOMORROW_PLAN));
        }
      g_ptr_array_add (agenda->reps, out);
    }
  return TRUE;
}

/* Attainment first (without a target last), then amount, then name. */
static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  const SpAgendaRank *x = *(SpAgendaRank * const *) a;
  const SpAgendaRank *y = *(SpAgendaRank * const *) b;

  if ((x->attainment.den == 0) != (y->attainment.den == 0))
    return x->attainment.den == 0 ? 1 : -1;
  if (x->attainment.den != 0)
    {
      /* num/den > num'/den' ⇔ num × den' > num' × den (dens positive); 128-bit-safe
       * through long double is not exact, so compare the products in __int128. */
      __int128 left = (__int128) x->attainment.num * y->attainment.den;
      __int128 right = (__int128) y->attainment.num * x->attainment.den;

      if (left != right)
        return left > right ? -1 : 1;
    }
  if (x->actual != y->actual)
    return x->actual > y->actual ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

void
sp_agenda_sort_ranking (GPtrArray *ranking)
{
  g_ptr_array_sort (ranking, compare_ranks);
  for (guint i = 0; i < ranking->len; i++)
    {
      SpAgendaRank *rank = g_ptr_array_index (ranking, i);
      SpAgendaRank *before = i > 0 ? g_ptr_array_index (ranking, i - 1) : NULL;
      gboolean tie = before != NULL && before->actual == rank->actual
        && (before->attainment.den == 0) == (rank->attainment.den == 0)
        && (__int128) before->attainment.num * MAX (rank->attainment.den, 1)
           == (__int128) rank->attainment.num * MAX (before->attainment.den, 1);

      rank->rank = tie ? before->rank : i + 1;
    }
}

gboolean
sp_agenda_fill_rankings (SpStore         *store,
                         SpMeetingAgenda *agenda,
                         GError         **error)
{
  g_autoptr(GPtrArray) reps = NULL;
  g_autoptr(GListModel) regions = NULL;
  SpMetricsFilter filter;

  sp_metrics_filter_init (&filter, &agenda->first, &agenda->last);
  reps = sp_metrics_get_ranking (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                 SP_METRICS_RANK_BY_ATTAINMENT, error);
  if (reps == NULL)
    return FALSE;
  agenda->rep_ranking = g_ptr_array_new_with_free_func (sp_agenda_rank_free);
  for (guint i = 0; i < reps->len; i++)
    {
      const SpMetricsRankEntry *entry = g_ptr_array_index (reps, i);
      SpAgendaRank *rank = g_new0 (SpAgendaRank, 1);

      rank->id = entry->rep_id;
      rank->name = g_strdup (entry->name);
      rank->actual = entry->actual;
      rank->target = entry->target;
      rank->attainment = entry->attainment;
      g_ptr_array_add (agenda->rep_ranking, rank);
    }
  sp_agenda_sort_ranking (agenda->rep_ranking);

  regions = sp_region_list (store, error);
  if (regions == NULL)
    return FALSE;
  agenda->region_ranking = g_ptr_array_new_with_free_func (sp_agenda_rank_free);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);
      SpMetricsAttainment attainment;
      SpAgendaRank *rank;

      filter.region_id = sp_region_get_id (region);
      if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                      &attainment, error))
        return FALSE;
      rank = g_new0 (SpAgendaRank, 1);
      rank->id = filter.region_id;
      rank->name = g_strdup (sp_region_get_name (region));
      rank->actual = attainment.actual;
      rank->target = attainment.target;
      rank->attainment = attainment.attainment;
      g_ptr_array_add (agenda->region_ranking, rank);
    }
  sp_agenda_sort_ranking (agenda->region_ranking);
  return TRUE;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const SpAgendaTotal *x = *(SpAgendaTotal * const *) a;
  const SpAgendaTotal *y = *(SpAgendaTotal * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* The week's totals per rep and per region, from one summary of the work log. */
static gboolean
fill_totals (SpStore         *store,
             SpMeetingAgenda *agenda,
             GError         **error)
{
  g_autoptr(GArray) by_rep = sp_worklog_summarize_reps (store, &agenda->first, &agenda->last,
                                                        FALSE, error);
  g_autoptr(GArray) by_region = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GHashTable) region_rows = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (by_rep == NULL
      || (by_region = sp_worklog_summarize_reps (store, &agenda->first, &agenda->last, TRUE,
                                                 error)) == NULL
      || (reps = sp_rep_list (store, 0, error)) == NULL
      || (regions = sp_region_list (store, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (sp_rep_get_name (rep)));
    }

  agenda->rep_totals = g_ptr_array_new_with_free_func (total_free);
  for (guint i = 0; i < by_rep->len; i++)
    {
      const SpWorklogRepSummary *s = &g_array_index (by_rep, SpWorklogRepSummary, i);
      SpAgendaTotal *total = g_new0 (SpAgendaTotal, 1);
      const char *name = g_hash_table_lookup (names, &s->rep_id);

      total->id = s->rep_id;
      total->name = g_strdup (name != NULL ? name : "");
      total->summary = s->summary;
      g_ptr_array_add (agenda->rep_totals, total);
    }
  g_ptr_array_sort (agenda->rep_totals, compare_totals);

  agenda->region_totals = g_ptr_array_new_with_free_func (total_free);
  for (guint i = 0; i < by_region->len; i++)
    {
      const SpWorklogRepSummary *s = &g_array_index (by_region, SpWorklogRepSummary, i);
      SpAgendaTotal *total = g_hash_table_lookup (region_rows, &s->region_id);

      if (total == NULL)
        {
          total = g_new0 (SpAgendaTotal, 1);
          total->id = s->region_id;
          total->summary.first = agenda->first;
          total->summary.last = agenda->last;
          for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
            {
              g_autoptr(SpRegion) region = g_list_model_get_item (regions, r);

              if (sp_region_get_id (region) == s->region_id)
                total->name = g_strdup (sp_region_get_name (region));
            }
          if (total->name == NULL)
            total->name = g_strdup (_("No region"));
          g_hash_table_insert (region_rows, &total->id, total);
          g_ptr_array_add (agenda->region_totals, total);
        }
      for (guint f = 0; f < SP_WORKLOG_N_VALUES; f++)
        total->summary.totals[f] += s->summary.totals[f];
      total->summary.entries += s->summary.entries;
      /* Distinct days cannot be summed across reps; the region keeps the largest. */
      total->summary.logged_days = MAX (total->summary.logged_days, s->summary.logged_days);
    }
  g_ptr_array_sort (agenda->region_totals, compare_totals);
  return TRUE;
}

SpMeetingAgenda *
sp_meeting_agenda_compute (SpStore                *store,
                           SpMeetingKind           kind,
                           SpMeetingReviewPeriod   period,
                           const GDate            *day,
                           GError                **error)
{
  g_autoptr(SpMeetingAgenda) agenda = g_new0 (SpMeetingAgenda, 1);
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (kind == SP_MEETING_REVIEW && period == SP_MEETING_REVIEW_NONE)
    period = SP_MEETING_REVIEW_QUARTER;
  else if (kind != SP_MEETING_REVIEW)
    period = SP_MEETING_REVIEW_NONE;

  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  agenda->kind = kind;
  agenda->review_period = period;
  agenda->day = *day;
  sp_meeting_agenda_get_period (calendar, kind, period, day, &agenda->first, &agenda->last);

  switch (kind)
    {
    case SP_MEETING_MORNING:
    case SP_MEETING_EVENING:
      ok = fill_daily (store, calendar, agenda, error);
      break;
    case SP_MEETING_WEEKLY:
      ok = fill_totals (store, agenda, error)
           && sp_agenda_fill_rankings (store, agenda, error)
           && sp_agenda_fill_funnel (store, agenda, error);
      break;
    case SP_MEETING_MONTHLY:
      ok = sp_agenda_fill_rankings (store, agenda, error)
           && sp_agenda_fill_monthly (store, calendar, agenda, error);
      break;
    case SP_MEETING_REVIEW:
      ok = sp_agenda_fill_rankings (store, agenda, error)
           && sp_agenda_fill_review (store, calendar, agenda, error);
      break;
    case SP_MEETING_SHARING:
    case SP_MEETING_COACHING:
    case SP_MEETING_WORKSHOP:
    default:
      break;
    }
  if (!ok)
    return NULL;

  agenda->open_actions = sp_action_item_list_open (store, NULL, error);
  if (agenda->open_actions == NULL)
    return NULL;
  return g_steal_pointer (&agenda);
}

SpMeetingAgenda *
sp_meeting_agenda_for_meeting (SpStore  *store,
                               gint64    meeting_id,
                               GError  **error)
{
  g_autoptr(SpMeeting) meeting = sp_meeting_get (store, meeting_id, error);
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate day;

  if (meeting == NULL)
    return NULL;
  sp_meeting_get_date (meeting, &day);
  agenda = sp_meeting_agenda_compute (store, sp_meeting_get_kind (meeting),
                                      sp_meeting_get_review_period (meeting), &day, error);
  if (agenda == NULL)
    return NULL;

  g_clear_object (&agenda->open_actions);
  agenda->open_actions = sp_action_item_list_carried (store, meeting_id, error);
  if (agenda->open_actions == NULL)
    return NULL;
  if (sp_meeting_get_opportunity_id (meeting) != 0
      && !sp_agenda_fill_case (store, agenda, sp_meeting_get_opportunity_id (meeting), error))
    return NULL;
  return g_steal_pointer (&agenda);
}
