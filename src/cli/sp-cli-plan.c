/* sp-cli-plan.c — the target commands: set-target, breakdown, export-breakdown, and what the
 * planning commands share (opening an existing workspace, finding a year's plan, money)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"
#include "sp-history-import.h"

SpStore *
sp_cli_open_existing (SpCli   *cli,
                      GError **error)
{
  g_autofree char *path = sp_cli_get_file (cli);
  g_autoptr(GError) local_error = NULL;
  SpStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("There is no workspace at “%s”; create one with “%s init” or “%s demo”"),
                   path, SP_CLI_NAME, SP_CLI_NAME);
      return NULL;
    }

  store = sp_store_open (path, &local_error);
  /* A file the user may not write (a colleague's, on a USB stick) is still read; an edit
   * then says why it cannot be made. */
  if (store == NULL && g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY))
    return sp_store_open_read_only (path, error);
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return store;
}

gboolean
sp_cli_parse_year (const char  *option,
                   const char  *text,
                   int         *year,
                   GError     **error)
{
  guint64 value;

  if (text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), option);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1900, 9998, &value, NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid year “%s” for %s: expected a year such as 2026"), text, option);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

SpPlan *
sp_cli_require_plan (SpStore  *store,
                     int       year,
                     GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  SpPlan *plan = sp_plan_find_for_year (store, year, &local_error);

  if (plan == NULL && local_error == NULL)
    g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                 _("There is no plan for fiscal year %d; create it with “%s set-target”"),
                 year, SP_CLI_NAME);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return plan;
}

const SpCurrency *
sp_cli_get_currency (SpStore *store)
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);

  return sp_preferences_get_currency (preferences);
}

char *
sp_cli_format_money (SpStore *store,
                     gint64   amount)
{
  return sp_money_format (amount, sp_cli_get_currency (store), SP_MONEY_FORMAT_DEFAULT);
}

/* "15%", "15", "-2.5 %", "12.25%" → basis points (1500). */
gboolean
sp_cli_parse_percent (const char  *option,
                      const char  *text,
                      gint64      *basis_points,
                      GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  const char *p;
  gboolean negative = FALSE;
  gint64 whole = 0, frac = 0;
  guint n_digits = 0, n_frac = 0;

  if (len > 0 && copy[len - 1] == '%')
    {
      copy[--len] = '\0';
      g_strchomp (copy);
    }
  p = copy;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) && whole < 10000000; p++, n_digits++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && n_frac < 2; p++, n_frac++)
      frac = frac * 10 + (*p - '0');
  if (n_frac == 1)
    frac *= 10;
  if (*p != '\0' || (n_digits == 0 && n_frac == 0))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid percentage “%s” for %s: expected a number such as 15%% or 12.5%%"),
                   text, option);
      return FALSE;
    }
  *basis_points = (negative ? -1 : 1) * (whole * 100 + frac);
  return TRUE;
}

/* A tier: an amount, or a percentage of @target ("125%"). */
static gboolean
parse_tier (SpStore     *store,
            const char  *option,
            const char  *text,
            gint64       target,
            gint64      *out,
            GError     **error)
{
  gint64 bp;

  if (strchr (text, '%') != NULL)
    {
      if (!sp_cli_parse_percent (option, text, &bp, error))
        return FALSE;
      *out = sp_money_apply_percent (target, bp);
      return TRUE;
    }
  return sp_money_parse (text, sp_cli_get_currency (store), out, error);
}

gboolean
sp_cli_run_set_target (SpCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *history_text = NULL;
  g_autofree char *growth_text = NULL;
  g_autofree char *sprint_text = NULL;
  g_autofree char *challenge_text = NULL;
  g_autofree char *target_shown = NULL;
  g_autofree char *sprint_shown = NULL;
  g_autofree char *challenge_shown = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean help_shown;
  int year, history_year = 0;
  gint64 growth_bp = 0, basis = 0, target, sprint, challenge;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The plan’s fiscal year"), N_("YEAR") },
    { "amount", 'a', 0, G_OPTION_ARG_STRING, &amount_text,
      N_("The target, e.g. 12,000,000"), N_("AMOUNT") },
    { "from-history", 0, 0, G_OPTION_ARG_STRING, &history_text,
      N_("Start from the order history of this fiscal year…"), N_("YEAR") },
    { "growth", 'g', 0, G_OPTION_ARG_STRING, &growth_text,
      N_("…plus this growth, e.g. 15%"), N_("PERCENT") },
    { "sprint", 0, 0, G_OPTION_ARG_STRING, &sprint_text,
      N_("The sprint target: an amount, or a percentage of the target such as 125%"),
      N_("AMOUNT") },
    { "challenge", 0, 0, G_OPTION_ARG_STRING, &challenge_text,
      N_("The challenge target: an amount, or a percentage of the target such as 140%"),
      N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (!sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;
  if ((amount_text != NULL) == (history_text != NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Give either --amount or --from-history with --growth"));
      return FALSE;
    }
  if (growth_text != NULL && history_text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("--growth needs --from-history"));
      return FALSE;
    }
  if (history_text != NULL && !sp_cli_parse_year ("--from-history", history_text, &history_year,
                                                  error))
    return FALSE;
  if (growth_text != NULL && !sp_cli_parse_percent ("--growth", growth_text, &growth_bp, error))
    return FALSE;

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;

  if (amount_text != NULL)
    {
      if (!sp_money_parse (amount_text, sp_cli_get_currency (store), &target, error))
        return FALSE;
    }
  else
    {
      if (!sp_history_get_year_total (store, history_year, &basis, error))
        return FALSE;
      if (basis <= 0)
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("There are no history orders in fiscal year %d"), history_year);
          return FALSE;
        }
      target = basis + sp_money_apply_percent (basis, growth_bp);
    }
  if (target < 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("A target cannot be negative"));
      return FALSE;
    }

  plan = sp_plan_find_for_year (store, year, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Unless given, the tiers keep their values while they still rise from the target. */
  sprint = plan != NULL ? MAX (sp_plan_get_sprint (plan), target) : target;
  if (sprint_text != NULL && !parse_tier (store, "--sprint", sprint_text, target, &sprint, error))
    return FALSE;
  challenge = plan != NULL ? MAX (sp_plan_get_challenge (plan), sprint) : sprint;
  if (challenge_text != NULL
      && !parse_tier (store, "--challenge", challenge_text, target, &challenge, error))
    return FALSE;
  /* Checked before anything is written, so a refused call leaves no new plan behind. */
  if (sprint < target || challenge < sprint)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The tiers must rise: base ≤ sprint ≤ challenge"));
      return FALSE;
    }

  if (plan == NULL)
    {
      gint64 id = sp_plan_add (store, year, "", target, error);

      if (id == 0)
        return FALSE;
      if ((sprint != target || challenge != target)
          && !sp_plan_set_targets (store, id, target, sprint, challenge, error))
        return FALSE;
    }
  else if (!sp_plan_set_targets (store, sp_plan_get_id (plan), target, sprint, challenge, error))
    return FALSE;

  target_shown = sp_cli_format_money (store, target);
  sprint_shown = sp_cli_format_money (store, sprint);
  challenge_shown = sp_cli_format_money (store, challenge);
  if (history_text != NULL)
    {
      g_autofree char *basis_shown = sp_cli_format_money (store, basis);
      g_autofree char *growth_shown = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d%%",
                                                       growth_bp < 0 ? "-" : "+",
                                                       ABS (growth_bp) / 100,
                                                       (int) (ABS (growth_bp) % 100));

      g_print (_("History of fiscal year %d: %s, growth %s"), history_year, basis_shown,
               growth_shown);
      g_print ("\n");
    }
  g_print (_("Fiscal year %d: target %s, sprint %s, challenge %s"), year, target_shown,
           sprint_shown, challenge_shown);
  g_print ("\n");

  if (plan != NULL && target != sp_plan_get_target (plan))
    {
      g_autoptr(SpBreakdown) breakdown = sp_breakdown_new (store, sp_plan_get_id (plan), NULL);

      if (breakdown != NULL && !sp_breakdown_is_empty (breakdown))
        {
          g_print (_("The breakdown still splits the old target; run “%s breakdown --year %d” "
                     "to split the new one"), SP_CLI_NAME, year);
          g_print ("\n");
        }
    }
  return TRUE;
}

static gboolean
parse_source (const char      *option,
              const char      *text,
              const char      *allowed,
              SpWeightSource  *out,
              GError         **error)
{
  g_autofree char *nick = g_strdelimit (g_strdup (text), "-", '_');
  g_auto(GStrv) names = g_strsplit (allowed, "|", -1);

  if (g_strv_contains ((const char * const *) names, text)
      && sp_weight_source_from_string (nick, out))
    return TRUE;
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
               _("Unknown weights “%s” for %s: use %s"), text, option, allowed);
  return FALSE;
}

static gboolean
parse_basis (const char  *text,
             GArray      *years,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int year;

      if (!sp_cli_parse_year ("--basis", g_strstrip (parts[i]), &year, error))
        return FALSE;
      g_array_append_val (years, year);
    }
  return TRUE;
}

static char *
member_name (GListModel *regions,
             gint64      id)
{
  for (guint i = 0; regions != NULL && i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);

      if (sp_region_get_id (region) == id)
        return g_strdup (sp_region_get_name (region));
    }
  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static gboolean
print_breakdown (SpStore      *store,
                 SpBreakdown  *breakdown,
                 GError      **error)
{
  g_autoptr(GArray) year = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GListModel) region_list = NULL;
  g_autofree char *total = NULL;

  year = sp_breakdown_get_cells (breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                 SP_BREAKDOWN_PERIOD_YEAR, error);
  months = year != NULL ? sp_breakdown_get_cells (breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                                  SP_BREAKDOWN_PERIOD_MONTH, error) : NULL;
  regions = months != NULL ? sp_breakdown_get_cells (breakdown, SP_BREAKDOWN_DIMENSION_REGION,
                                                     SP_BREAKDOWN_ALL_MEMBERS,
                                                     SP_BREAKDOWN_PERIOD_YEAR, error) : NULL;
  if (regions == NULL)
    return FALSE;
  region_list = sp_region_list (store, NULL);

  total = sp_cli_format_money (store, year->len > 0
                                      ? g_array_index (year, SpBreakdownCell, 0).amount : 0);
  g_print (_("Fiscal year %d: %s"), sp_breakdown_get_fiscal_year (breakdown), total);
  g_print ("\n%s\n", _("Months:"));
  for (guint i = 0; i < months->len; i++)
    {
      const SpBreakdownCell *cell = &g_array_index (months, SpBreakdownCell, i);
      g_autofree char *amount = sp_cli_format_money (store, cell->amount);
      char label[16];
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_julian (&first, cell->first_day);
      g_date_strftime (label, sizeof label, "%Y-%m", &first);
      g_print ("  %s  %s\n", label, amount);
    }
  g_print ("%s\n", _("Regions:"));
  for (guint i = 0; i < regions->len; i++)
    {
      const SpBreakdownCell *cell = &g_array_index (regions, SpBreakdownCell, i);
      g_autofree char *amount = sp_cli_format_money (store, cell->amount);
      g_autofree char *name = member_name (region_list, cell->member_id);

      g_print ("  %s  %s\n", name, amount);
    }
  return TRUE;
}

gboolean
sp_cli_run_breakdown (SpCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *basis_text = NULL;
  g_autofree char *region_text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpBreakdown) breakdown = NULL;
  g_autoptr(GArray) basis = g_array_new (FALSE, FALSE, sizeof (int));
  SpBreakdownOptions options;
  gboolean help_shown;
  int year;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The plan’s fiscal year"), N_("YEAR") },
    { "time-weights", 0, 0, G_OPTION_ARG_STRING, &time_text,
      N_("How the year is split over its months: equal, working-days (default) or history"),
      N_("WEIGHTS") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis_text,
      N_("Fiscal years of history for history weights (default: the plan’s, else last year)"),
      N_("YEAR,…") },
    { "region-weights", 0, 0, G_OPTION_ARG_STRING, &region_text,
      N_("How the year is split over the regions: equal, history (default) or headcount"),
      N_("WEIGHTS") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  sp_breakdown_options_init (&options);
  if (!sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;
  if (time_text != NULL
      && !parse_source ("--time-weights", time_text, "equal|working-days|history",
                        &options.time_source, error))
    return FALSE;
  if (region_text != NULL
      && !parse_source ("--region-weights", region_text, "equal|history|headcount",
                        &options.member_sources[SP_BREAKDOWN_DIMENSION_REGION], error))
    return FALSE;
  if (basis_text != NULL && !parse_basis (basis_text, basis, error))
    return FALSE;
  options.basis_years = (const int *) (gpointer) basis->data;
  options.n_basis_years = basis->len;

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  plan = sp_cli_require_plan (store, year, error);
  if (plan == NULL)
    return FALSE;
  breakdown = sp_breakdown_new (store, sp_plan_get_id (plan), error);
  if (breakdown == NULL || !sp_breakdown_generate (breakdown, &options, error))
    return FALSE;

  return print_breakdown (store, breakdown, error);
}

gboolean
sp_cli_run_export_breakdown (SpCli   *cli,
                             int      argc,
                             char   **argv,
                             GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *level_text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpBreakdown) breakdown = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  SpBreakdownPeriod level = SP_BREAKDOWN_PERIOD_YEAR;
  gboolean ok;
  gboolean bom = FALSE, days = FALSE, force = FALSE;
  gboolean help_shown;
  SpBreakdownExportFormat format = SP_BREAKDOWN_EXPORT_CSV;
  SpBreakdownExportFlags flags = SP_BREAKDOWN_EXPORT_DEFAULT;
  gconstpointer data;
  gsize size;
  int year;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The plan’s fiscal year"), N_("YEAR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (default) or json"),
      N_("FORMAT") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start a CSV file with a BOM, for Excel"), NULL },
    { "days", 0, 0, G_OPTION_ARG_NONE, &days, N_("Include the day cells"), NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text,
      N_("Only the cells of one level: year, quarter, month or week (default: all)"),
      N_("LEVEL") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUTPUT if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (!sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;
  if (format_text == NULL || g_ascii_strcasecmp (format_text, "csv") == 0)
    format = SP_BREAKDOWN_EXPORT_CSV;
  else if (g_ascii_strcasecmp (format_text, "json") == 0)
    format = SP_BREAKDOWN_EXPORT_JSON;
  else
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown format “%s”: use “csv” or “json”"), format_text);
      return FALSE;
    }
  if (level_text != NULL
      && (!sp_breakdown_period_from_string (level_text, &level)
          || level > SP_BREAKDOWN_PERIOD_WEEK))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown level “%s”: use “year”, “quarter”, “month” or “week”"),
                   level_text);
      return FALSE;
    }
  if (level_text != NULL && days)
    {
      g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                           _("Give either --level or --days"));
      return FALSE;
    }
  if (bom)
    flags |= SP_BREAKDOWN_EXPORT_BOM;
  if (days)
    flags |= SP_BREAKDOWN_EXPORT_DAYS;
  if (!g_str_equal (args[0], "-") && !force && g_file_test (args[0], G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), args[0]);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  plan = sp_cli_require_plan (store, year, error);
  if (plan == NULL)
    return FALSE;
  breakdown = sp_breakdown_new (store, sp_plan_get_id (plan), error);
  if (breakdown == NULL)
    return FALSE;
  if (sp_breakdown_is_empty (breakdown))
    {
      g_set_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_EMPTY,
                   _("The target of fiscal year %d is not broken down yet; run “%s breakdown”"),
                   year, SP_CLI_NAME);
      return FALSE;
    }

  /* Whole in memory, then written at once: a failed export leaves no half file. */
  memory = g_memory_output_stream_new_resizable ();
  if (level_text != NULL)
    ok = sp_breakdown_export_level (breakdown, format, flags, level, memory, NULL, error);
  else
    ok = sp_breakdown_export (breakdown, format, flags, memory, NULL, error);
  if (!ok || !g_output_stream_close (memory, NULL, error))
    return FALSE;
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));

  if (g_str_equal (args[0], "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to the standard output"));
          return FALSE;
        }
      return TRUE;
    }

  return g_file_set_contents (args[0], data, (gssize) size, error);
}
