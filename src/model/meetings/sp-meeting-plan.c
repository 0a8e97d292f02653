/* sp-meeting-plan.c — the meeting plan: its lines, and the year's meetings generated from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-meeting-private.h"
#include "sp-preferences.h"

static const char * const cadence_keys[SP_MEETING_N_CADENCES] = {
  "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly",
};

const char *
sp_meeting_cadence_to_string (SpMeetingCadence cadence)
{
  g_return_val_if_fail (cadence < SP_MEETING_N_CADENCES, NULL);
  return cadence_keys[cadence];
}

gboolean
sp_meeting_cadence_from_string (const char       *text,
                                SpMeetingCadence *cadence)
{
  g_return_val_if_fail (cadence != NULL, FALSE);

  for (guint i = 0; text != NULL && i < SP_MEETING_N_CADENCES; i++)
    if (g_str_equal (text, cadence_keys[i]))
      {
        *cadence = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_meeting_cadence_get_name (SpMeetingCadence cadence)
{
  switch (cadence)
    {
    case SP_MEETING_CADENCE_DAILY:
      return _("Every working day");
    case SP_MEETING_CADENCE_WEEKLY:
      return _("Weekly");
    case SP_MEETING_CADENCE_MONTHLY:
      return _("Monthly");
    case SP_MEETING_CADENCE_QUARTERLY:
      return _("Quarterly");
    case SP_MEETING_CADENCE_HALF_YEARLY:
      return _("Half-yearly");
    case SP_MEETING_CADENCE_YEARLY:
      return _("Yearly");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const SpMeetingSchedule defaults[] = {
  { 0, SP_MEETING_MORNING, SP_MEETING_CADENCE_DAILY, 0, 0, FALSE, 8, 30 },
  { 0, SP_MEETING_EVENING, SP_MEETING_CADENCE_DAILY, 0, 0, FALSE, 18, 0 },
  { 0, SP_MEETING_WEEKLY, SP_MEETING_CADENCE_WEEKLY, G_DATE_MONDAY, 0, FALSE, 9, 0 },
  { 0, SP_MEETING_MONTHLY, SP_MEETING_CADENCE_MONTHLY, 0, 0, FALSE, 14, 0 },
  { 0, SP_MEETING_REVIEW, SP_MEETING_CADENCE_QUARTERLY, 0, 0, TRUE, 14, 0 },
  { 0, SP_MEETING_REVIEW, SP_MEETING_CADENCE_HALF_YEARLY, 0, 0, TRUE, 14, 0 },
  { 0, SP_MEETING_REVIEW, SP_MEETING_CADENCE_YEARLY, 0, 0, TRUE, 14, 0 },
};

const SpMeetingSchedule *
sp_meeting_plan_get_defaults (guint *n)
{
  g_return_val_if_fail (n != NULL, NULL);
  *n = G_N_ELEMENTS (defaults);
  return defaults;
}

GArray *
sp_meeting_plan_list (SpStore  *store,
                      GError  **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (SpMeetingSchedule));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT id, kind, cadence, weekday, month_day, at_end, time"
                         " FROM meeting_schedule", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpMeetingSchedule line = { 0 };

      line.id = sqlite3_column_int64 (stmt, 0);
      if (!sp_meeting_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &line.kind)
          || !sp_meeting_cadence_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                              &line.cadence)
          || !sp_meeting_parse_time ((const char *) sqlite3_column_text (stmt, 6), &line.hour,
                                     &line.minute))
        continue;
      line.weekday = sqlite3_column_int (stmt, 3);
      line.month_day = sqlite3_column_int (stmt, 4);
      line.at_end = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the meeting plan"));
      return NULL;
    }

  /* By kind then cadence: the order of the enums, not of the keys. */
  for (guint i = 1; i < lines->len; i++)
    for (guint j = i; j > 0; j--)
      {
        SpMeetingSchedule *a = &g_array_index (lines, SpMeetingSchedule, j - 1);
        SpMeetingSchedule *b = &g_array_index (lines, SpMeetingSchedule, j);
        SpMeetingSchedule tmp;

        if (a->kind < b->kind || (a->kind == b->kind && a->cadence <= b->cadence))
          break;
        tmp = *a;
        *a = *b;
        *b = tmp;
      }

  return g_steal_pointer (&lines);
}

gint64
sp_meeting_plan_set (SpStore                  *store,
                     const SpMeetingSchedule  *line,
                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char time[6];
  gint64 id = 0;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail (line != NULL, 0);
  g_return_val_if_fail (line->kind < SP_MEETING_N_KINDS, 0);
  g_return_val_if_fail (line->cadence < SP_MEETING_N_CADENCES, 0);

  if (line->cadence == SP_MEETING_CADENCE_WEEKLY
      && (line->weekday < G_DATE_MONDAY || line->weekday > G_DATE_SUNDAY))
    {
      g_set_error_literal (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                           _("A weekly meeting needs a weekday"));
      return 0;
    }
  if (line->month_day > 31)
    {
      g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                   _("%u is not a day of the month; use 1 to 31, or 0 for the first working day"),
                   line->month_day);
      return 0;
    }
  if (line->hour > 23 || line->minute > 59)
    {
      g_set_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                   _("%02u:%02u is not a time"), line->hour, line->minute);
      return 0;
    }
  g_snprintf (time, sizeof time, "%02u:%02u", line->hour, line->minute);

  if (!sp_store_begin_edit (store, _("Edit meeting plan"), error))
    return 0;
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "INSERT INTO meeting_schedule"
                         " (kind, cadence, weekday, month_day, at_end, time)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                         " ON CONFLICT (kind, cadence) DO UPDATE SET weekday = ?3,"
                         " month_day = ?4, at_end = ?5, time = ?6"
                         " RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, sp_meeting_kind_to_string (line->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cadence_keys[line->cadence], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, line->cadence == SP_MEETING_CADENCE_WEEKLY ? line->weekday : 0);
  sqlite3_bind_int (stmt, 4, line->cadence == SP_MEETING_CADENCE_MONTHLY ? line->month_day : 0);
  sqlite3_bind_int (stmt, 5, line->at_end ? 1 : 0);
  sqlite3_bind_text (stmt, 6, time, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sp_store_set_sql_error (store, error, _("Could not save the meeting plan"));
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!sp_store_commit_edit (store, error))
    return 0;
  return id;

fail:
  sp_store_rollback_edit (store);
  return 0;
}

gboolean
sp_meeting_plan_remove (SpStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_meeting_row_exists (store, "meeting_schedule", id, error)
      || !sp_store_begin_edit (store, _("Edit meeting plan"), error))
    return FALSE;
  stmt = sp_sql_prepare (sp_store_get_db (store), "DELETE FROM meeting_schedule WHERE id = ?",
                         error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not save the meeting plan"));
      goto fail;
    }
  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

/* The first (or, @backwards, last) working day from @from towards @limit, both included;
 * FALSE when there is none. */
static gboolean
find_working_day (const SpCalendar *calendar,
                  const GDate      *from,
                  const GDate      *limit,
                  gboolean          backwards,
                  GDate            *out)
{
  GDate day = *from;

  while (backwards ? g_date_compare (&day, limit) >= 0 : g_date_compare (&day, limit) <= 0)
    {
      if (sp_calendar_is_working_day (calendar, &day))
        {
          *out = day;
          return TRUE;
        }
      if (backwards)
        g_date_subtract_days (&day, 1);
      else
        g_date_add_days (&day, 1);
    }
  return FALSE;
}

static void
add_occurrence (GArray                  *out,
                const SpMeetingSchedule *line,
                const GDate             *day,
                SpMeetingReviewPeriod    period)
{
  SpMeetingOccurrence occurrence = { 0 };

  occurrence.day = *day;
  occurrence.hour = line->hour;
  occurrence.minute = line->minute;
  occurrence.kind = line->kind;
  occurrence.review_period = period;
  g_array_append_val (out, occurrence);
}

/* Periods of @months fiscal months: their first or last working day. */
static void
add_period_days (GArray                  *out,
                 const SpMeetingSchedule *line,
                 const SpCalendar        *calendar,
                 int                      fiscal_year,
                 guint                    months,
                 SpMeetingReviewPeriod    period)
{
  for (guint start = 0; start < 12; start += months)
    {
      GDate first, last, unused, day;

      sp_calendar_month_range (calendar, fiscal_year, start, &first, &unused);
      sp_calendar_month_range (calendar, fiscal_year, start + months - 1, &unused, &last);
      if (line->at_end ? find_working_day (calendar, &last, &first, TRUE, &day)
                       : find_working_day (calendar, &first, &last, FALSE, &day))
        add_occurrence (out, line, &day, period);
    }
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const SpMeetingOccurrence *x = a, *y = b;
  int order = g_date_compare (&x->day, &y->day);

  if (order != 0)
    return order;
  if (x->hour * 60 + x->minute != y->hour * 60 + y->minute)
    return (int) (x->hour * 60 + x->minute) - (int) (y->hour * 60 + y->minute);
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return (int) y->review_period - (int) x->review_period;
}

GArray *
sp_meeting_plan_occurrences (const SpMeetingSchedule *lines,
                             guint                    n_lines,
                             const SpCalendar        *calendar,
                             int                      fiscal_year)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (SpMeetingOccurrence));
  GDate year_first, year_last;

  g_return_val_if_fail (n_lines == 0 || lines != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  sp_calendar_fiscal_year_range (calendar, fiscal_year, &year_first, &year_last);

  for (guint i = 0; i < n_lines; i++)
    {
      const SpMeetingSchedule *line = &lines[i];

      switch (line->cadence)
        {
        case SP_MEETING_CADENCE_DAILY:
          for (GDate day = year_first; g_date_compare (&day, &year_last) <= 0;
               g_date_add_days (&day, 1))
            if (sp_calendar_is_working_day (calendar, &day))
              add_occurrence (out, line, &day, SP_MEETING_REVIEW_NONE);
          break;

        case SP_MEETING_CADENCE_WEEKLY:
          {
            g_autoptr(GArray) weeks = sp_calendar_weeks_of_fiscal_year (calendar, fiscal_year);

            for (guint w = 0; w < weeks->len; w++)
              {
                GDate start, end, day, found;
                guint offset;

                g_date_clear (&start, 1);
                g_date_set_julian (&start, g_array_index (weeks, guint32, w));
                end = start;
                g_date_add_days (&end, 6);
                offset = ((guint) line->weekday + 7 - g_date_get_weekday (&start)) % 7;
                day = start;
                g_date_add_days (&day, offset);
                if (find_working_day (calendar, &day, &end, FALSE, &found)
                    && g_date_compare (&found, &year_first) >= 0
                    && g_date_compare (&found, &year_last) <= 0)
                  add_occurrence (out, line, &found, SP_MEETING_REVIEW_NONE);
              }
          }
          break;

        case SP_MEETING_CADENCE_MONTHLY:
          for (guint m = 0; m < 12; m++)
            {
              GDate first, last, day, found;

              sp_calendar_month_range (calendar, fiscal_year, m, &first, &last);
              if (line->month_day == 0)
                {
                  if (find_working_day (calendar, &first, &last, FALSE, &found))
                    add_occurrence (out, line, &found, SP_MEETING_REVIEW_NONE);
                  continue;
                }
              day = first;
              g_date_add_days (&day, MIN (line->month_day, g_date_get_day (&last)) - 1);
              if (find_working_day (calendar, &day, &last, FALSE, &found)
                  || find_working_day (calendar, &day, &first, TRUE, &found))
                add_occurrence (out, line, &found, SP_MEETING_REVIEW_NONE);
            }
          break;

        case SP_MEETING_CADENCE_QUARTERLY:
          add_period_days (out, line, calendar, fiscal_year, 3, SP_MEETING_REVIEW_QUARTER);
          break;
        case SP_MEETING_CADENCE_HALF_YEARLY:
          add_period_days (out, line, calendar, fiscal_year, 6, SP_MEETING_REVIEW_HALF_YEAR);
          break;
        case SP_MEETING_CADENCE_YEARLY:
          add_period_days (out, line, calendar, fiscal_year, 12, SP_MEETING_REVIEW_YEAR);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_array_sort (out, compare_occurrences);

  /* Reviews of one kind on one day: the longest period's is sorted first and kept. */
  for (guint i = 1; i < out->len;)
    {
      SpMeetingOccurrence *before = &g_array_index (out, SpMeetingOccurrence, i - 1);
      SpMeetingOccurrence *here = &g_array_index (out, SpMeetingOccurrence, i);

      if (here->review_period != SP_MEETING_REVIEW_NONE
          && before->review_period != SP_MEETING_REVIEW_NONE
          && before->kind == here->kind && g_date_compare (&before->day, &here->day) == 0)
        g_array_remove_index (out, i);
      else
        i++;
    }

  return g_steal_pointer (&out);
}

static gboolean
generate (SpStore                 *store,
          const SpMeetingSchedule *lines,
          guint                    n_lines,
          int                      fiscal_year,
          guint                   *n_added,
          GError                 **error)
{
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  guint added = 0;

  if (n_added != NULL)
    *n_added = 0;
  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  occurrences = sp_meeting_plan_occurrences (lines, n_lines, calendar, fiscal_year);

  if (!sp_store_begin_edit (store, _("Plan the year’s meetings"), error))
    return FALSE;
  exists = sp_sql_prepare (sp_store_get_db (store),
                           "SELECT 1 FROM meeting WHERE kind = ? AND scheduled_at = ?", error);
  if (exists == NULL)
    goto fail;

  for (guint i = 0; i < occurrences->len; i++)
    {
      const SpMeetingOccurrence *o = &g_array_index (occurrences, SpMeetingOccurrence, i);
      g_autofree char *day = sp_date_format_iso (&o->day);
      g_autofree char *at = g_strdup_printf ("%sT%02u:%02u:00", day, o->hour, o->minute);
      char time[6];

      sqlite3_reset (exists);
      sqlite3_bind_text (exists, 1, sp_meeting_kind_to_string (o->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (exists, 2, at, -1, SQLITE_STATIC);
      if (sqlite3_step (exists) == SQLITE_ROW)
        continue;
      g_snprintf (time, sizeof time, "%02u:%02u", o->hour, o->minute);
      if (sp_meeting_insert (store, o->kind, o->review_period, &o->day, time, NULL, error) == 0)
        goto fail;
      added++;
    }

  if (!sp_store_commit_edit (store, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

gboolean
sp_meeting_plan_generate (SpStore  *store,
                          int       fiscal_year,
                          guint    *n_added,
                          GError  **error)
{
  g_autoptr(GArray) lines = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  lines = sp_meeting_plan_list (store, error);
  if (lines == NULL)
    return FALSE;
  return generate (store, (SpMeetingSchedule *) (void *) lines->data, lines->len, fiscal_year,
                   n_added, error);
}

gboolean
sp_meeting_plan_generate_or_defaults (SpStore  *store,
                                      int       fiscal_year,
                                      guint    *n_added,
                                      GError  **error)
{
  g_autoptr(GArray) lines = NULL;
  const SpMeetingSchedule *usual;
  guint n_usual;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  lines = sp_meeting_plan_list (store, error);
  if (lines == NULL)
    return FALSE;
  if (lines->len > 0)
    return generate (store, (SpMeetingSchedule *) (void *) lines->data, lines->len,
                     fiscal_year, n_added, error);
  usual = sp_meeting_plan_get_defaults (&n_usual);
  return generate (store, usual, n_usual, fiscal_year, n_added, error);
}
