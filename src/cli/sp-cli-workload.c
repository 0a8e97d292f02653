/* sp-cli-workload.c — the workload command: a target read backwards into the five activities
 *
 * The target of each period is the one the dashboard's attainment uses (sp_metrics): the
 * rep's (or the team's) breakdown month cells, prorated by days, else the year cell or the
 * plan's target. A rep whose target is 0 there (the plan is not broken down by rep) gets an
 * equal share of the team's target. Rates come from the work log of the year before the
 * first period: the rep's own, or the team's when the rep has too little history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

typedef enum
{
  PERIOD_MONTH,
  PERIOD_QUARTER,
  PERIOD_YEAR,
} PeriodKind;

/* The rep called @name by the model's rule (NULL @name: none, the team). */
static gboolean
find_rep (SpStore     *store,
          const char  *name,
          SpRep      **out,
          GError     **error)
{
  g_autoptr(GListModel) reps = NULL;
  gint64 id;

  *out = NULL;
  if (name == NULL)
    return TRUE;
  id = sp_cli_find_rep (store, name, 0, error);
  if (id == 0 || (reps = sp_rep_list (store, 0, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (reps) && *out == NULL; i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);

      if (sp_rep_get_id (rep) == id)
        *out = g_steal_pointer (&rep);
    }
  g_assert (*out != NULL);
  return TRUE;
}

static void
period_label (PeriodKind  kind,
              int         fiscal_year,
              guint       index,
              const GDate *first,
              char        *label,
              gsize        size)
{
  switch (kind)
    {
    case PERIOD_MONTH:
      g_date_strftime (label, size, "%Y-%m", first);
      break;
    case PERIOD_QUARTER:
      g_snprintf (label, size, "%d-Q%u", fiscal_year, index + 1);
      break;
    case PERIOD_YEAR:
    default:
      g_snprintf (label, size, "%d", fiscal_year);
      break;
    }
}

static char *
format_rate (SpRate rate)
{
  gint64 bp = sp_rate_to_basis_points (rate);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", bp / 100, (int) (ABS (bp) % 100));
}

static void
print_rates (SpStore               *store,
             const SpWorkloadRates *rates)
{
  g_autofree char *aov = sp_cli_format_money (store, rates->avg_order_value);

  g_print (_("Average order value: %s"), aov);
  g_print ("\n");
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_autofree char *rate = format_rate (rates->rates[i]);

      /* TRANSLATORS: a conversion rate between two activities: "Prospecting → Appointments: 30.83%" */
      g_print (_("%s → %s: %s"), sp_workload_stage_get_name (i),
               sp_workload_stage_get_name (i + 1), rate);
      g_print ("\n");
    }
}

static gboolean
print_period (SpStore                *store,
              const SpCalendar       *calendar,
              const SpWorkloadRates  *rates,
              const char             *label,
              const GDate            *first,
              const GDate            *last,
              gint64                  target,
              GError                **error)
{
  guint days = sp_calendar_count_working_days (calendar, first, last);
  g_autofree char *target_shown = sp_cli_format_money (store, target);
  SpWorkloadInput input;
  SpWorkload workload;

  /* A period without working days still has its counts; "per day" then has no meaning. */
  sp_workload_input_init_from_rates (&input, rates, target, MAX (days, 1));
  if (!sp_workload_compute (&input, &workload, error))
    return FALSE;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: target %s, %u working day",
                        "%s: target %s, %u working days", days),
           label, target_shown, days);
  g_print ("\n");
  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    {
      if (days > 0)
        /* TRANSLATORS: an activity, its count in the period and per working day */
        g_print (_("  %s: %lld (%lld a day)"), sp_workload_stage_get_name (i),
                 (long long) workload.counts[i], (long long) workload.per_day[i]);
      else
        g_print (_("  %s: %lld"), sp_workload_stage_get_name (i), (long long) workload.counts[i]);
      g_print ("\n");
    }
  return TRUE;
}

gboolean
sp_cli_run_workload (SpCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *rep_name = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *window_from = NULL;
  g_autofree char *window_to = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(SpRep) rep = NULL;
  g_autoptr(GError) rates_error = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean team = FALSE, used_team = FALSE, help_shown;
  guint n_active = 0;
  gint64 rep_id = 0;
  PeriodKind kind = PERIOD_MONTH;
  SpWorkloadRates rates;
  GDate from, to, window_first, window_last;
  const GOptionEntry entries[] = {
    { "rep", 'r', 0, G_OPTION_ARG_STRING, &rep_name, N_("The rep’s workload"), N_("NAME") },
    { "team", 't', 0, G_OPTION_ARG_NONE, &team, N_("The whole team’s workload (default)"), NULL },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("One block per month (default), quarter or year"), N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First day (default: the start of this fiscal year)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last day (default: the end of this fiscal year)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (rep_name != NULL && team)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Give either --rep or --team"));
      return FALSE;
    }
  if (period_text == NULL || g_str_equal (period_text, "month"))
    kind = PERIOD_MONTH;
  else if (g_str_equal (period_text, "quarter"))
    kind = PERIOD_QUARTER;
  else if (g_str_equal (period_text, "year"))
    kind = PERIOD_YEAR;
  else
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown period “%s”: use “month”, “quarter” or “year”"), period_text);
      return FALSE;
    }
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (from_text != NULL && !sp_date_parse_iso (from_text, &from))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), from_text);
      return FALSE;
    }
  if (to_text != NULL && !sp_date_parse_iso (to_text, &to))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), to_text);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);

  if (!g_date_valid (&from) || !g_date_valid (&to))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today, first, last;

      g_date_clear (&today, 1);
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      sp_calendar_fiscal_year_range (calendar,
                                     sp_calendar_fiscal_year_of (calendar,
                                                                 g_date_valid (&from) ? &from
                                                                 : g_date_valid (&to) ? &to
                                                                 : &today),
                                     &first, &last);
      if (!g_date_valid (&from))
        from = first;
      if (!g_date_valid (&to))
        to = last;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("The first day comes after the last day"));
      return FALSE;
    }

  if (!find_rep (store, rep_name, &rep, error))
    return FALSE;
  n_active = sp_rep_workload_count_active (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (rep != NULL)
    rep_id = sp_rep_get_id (rep);

  /* Rates: the year before the first day. */
  window_last = from;
  g_date_subtract_days (&window_last, 1);
  window_first = from;
  g_date_subtract_years (&window_first, 1);
  window_from = sp_date_format_iso (&window_first);
  window_to = sp_date_format_iso (&window_last);
  if (!sp_workload_rates_for_rep (store, rep_id, window_from, window_to, &rates, &used_team,
                                  &rates_error))
    {
      if (g_error_matches (rates_error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY))
        g_set_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY,
                     _("The work log from %s to %s has too little history for conversion rates "
                       "(at least %d logged days, %d orders and every activity are needed)"),
                     window_from, window_to, SP_WORKLOAD_MIN_LOGGED_DAYS, SP_WORKLOAD_MIN_ORDERS);
      else
        g_propagate_error (error, g_steal_pointer (&rates_error));
      return FALSE;
    }

  from_iso = sp_date_format_iso (&from);
  to_iso = sp_date_format_iso (&to);
  if (rep != NULL)
    g_print (_("Workload of %s (%s) from %s to %s"), sp_rep_get_name (rep),
             sp_rep_get_region_name (rep) != NULL ? sp_rep_get_region_name (rep) : "—",
             from_iso, to_iso);
  else
    g_print (_("Workload of the team from %s to %s"), from_iso, to_iso);
  g_print ("\n");
  if (rep != NULL && used_team)
    g_print (_("Rates: the team’s work log from %s to %s (the rep has too little history)"),
             window_from, window_to);
  else if (rep != NULL)
    g_print (_("Rates: the rep’s work log from %s to %s"), window_from, window_to);
  else
    g_print (_("Rates: the team’s work log from %s to %s"), window_from, window_to);
  g_print ("\n");
  print_rates (store, &rates);

  for (int year = sp_calendar_fiscal_year_of (calendar, &from);
       year <= sp_calendar_fiscal_year_of (calendar, &to); year++)
    {
      guint n = kind == PERIOD_MONTH ? 12 : kind == PERIOD_QUARTER ? 4 : 1;

      for (guint i = 0; i < n; i++)
        {
          GDate first, last;
          gint64 target;
          char label[32];

          g_date_clear (&first, 1);
          g_date_clear (&last, 1);
          if (kind == PERIOD_MONTH)
            sp_calendar_month_range (calendar, year, i, &first, &last);
          else if (kind == PERIOD_QUARTER)
            sp_calendar_quarter_range (calendar, year, i, &first, &last);
          else
            sp_calendar_fiscal_year_range (calendar, year, &first, &last);
          period_label (kind, year, i, &first, label, sizeof label);
          if (g_date_compare (&last, &from) < 0 || g_date_compare (&first, &to) > 0)
            continue;
          if (g_date_compare (&first, &from) < 0)
            first = from;
          if (g_date_compare (&last, &to) > 0)
            last = to;

          /* The Workload view's target for the same period (sp-rep-workload.c). */
          if (!sp_rep_workload_target (preferences, rep_id, n_active, &first, &last, &target,
                                       NULL, error))
            return FALSE;
          if (!print_period (store, calendar, &rates, label, &first, &last, target, error))
            return FALSE;
        }
    }
  return TRUE;
}
