/* sp-cli-evaluation.c — evaluation commands: ranking (战报), scorecard (绩效考核), payout (激励),
 * revise (目标修正) and coach (辅导)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-cli-private.h"

static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *day,
           GError     **error)
{
  g_date_clear (day, 1);
  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      return TRUE;
    }
  if (!sp_date_parse_iso (text, day))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_json_format (const char  *text,
                   gboolean    *json,
                   GError     **error)
{
  *json = g_strcmp0 (text, "json") == 0;
  if (text != NULL && !*json && !g_str_equal (text, "text"))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown format “%s”: use text or json"), text);
      return FALSE;
    }
  return TRUE;
}

/* A string, "" for none, escaped as every JSON the CLI prints (sp_cli_json_string). */
static void
json_string (GString    *out,
             const char *text)
{
  sp_cli_json_string (out, text != NULL ? text : "");
}

/* "87.5%" from an exact rate, rounded half away from zero to 0.1; "—" when undefined. */
static char *
format_percent (SpRate rate)
{
  gint64 tenths;

  if (rate.den == 0)
    return g_strdup ("—");
  tenths = sp_money_scale (rate.num, 1000, rate.den);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%",
                          tenths < 0 ? "-" : "", ABS (tenths) / 10, ABS (tenths) % 10);
}

gboolean
sp_cli_run_ranking (SpCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) board = NULL;
  gboolean regions = FALSE, help_shown, json;
  SpBoardPeriod period = SP_BOARD_WEEK;
  GDate day, from, to;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("week (the default), month or quarter"), N_("PERIOD") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("A day of the period (default: today)"), N_("YYYY-MM-DD") },
    { "regions", 0, 0, G_OPTION_ARG_NONE, &regions, N_("Rank the regions instead of the reps"),
      NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (the default) or json"),
      N_("FORMAT") },
    { NULL },
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (period_text != NULL && !sp_board_period_from_string (period_text, &period))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown period “%s”: use week, month or quarter"), period_text);
      return FALSE;
    }
  if (!parse_day ("--date", date_text, &day, error) || !parse_json_format (format, &json, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  sp_board_period_range_for_store (store, period, &day, &from, &to);
  board = sp_board_get (store, regions ? SP_BOARD_REGIONS : SP_BOARD_REPS, &from, &to, error);
  if (board == NULL)
    return FALSE;

  {
    g_autofree char *from_iso = sp_date_format_iso (&from);
    g_autofree char *to_iso = sp_date_format_iso (&to);
    GString *out = g_string_new (NULL);

    if (json)
      g_string_append_printf (out, "{\"period\":\"%s\",\"from\":\"%s\",\"to\":\"%s\","
                              "\"entries\":[", sp_board_period_to_string (period), from_iso,
                              to_iso);
    else
      g_string_append_printf (out, _("Ranking %s .. %s"), from_iso, to_iso);
    if (!json)
      g_string_append_c (out, '\n');
    for (guint i = 0; i < g_list_model_get_n_items (board); i++)
      {
        g_autoptr(SpBoardEntry) e = g_list_model_get_item (board, i);
        SpRate att = sp_board_entry_get_attainment (e);

        if (json)
          {
            g_string_append_printf (out, "%s{\"rank\":%u,\"name\":", i > 0 ? "," : "",
                                    sp_board_entry_get_rank (e));
            json_string (out, sp_board_entry_get_name (e));
            g_string_append_printf (out, ",\"actual\":%" G_GINT64_FORMAT ",\"target\":%"
                                    G_GINT64_FORMAT ",\"attainment\":[%" G_GINT64_FORMAT ",%"
                                    G_GINT64_FORMAT "],\"star\":%s}",
                                    sp_board_entry_get_actual (e), sp_board_entry_get_target (e),
                                    att.num, att.den,
                                    sp_board_entry_get_star (e) ? "true" : "false");
          }
        else
          {
            g_autofree char *actual = sp_cli_format_money (store, sp_board_entry_get_actual (e));
            g_autofree char *target = sp_cli_format_money (store, sp_board_entry_get_target (e));
            g_autofree char *pct = format_percent (att);

            g_string_append_printf (out, "%u\t%s\t%s\t%s\t%s%s\n", sp_board_entry_get_rank (e),
                                    sp_board_entry_get_name (e), actual, target, pct,
                                    sp_board_entry_get_star (e) ? "\t★" : "");
          }
      }
    if (json)
      g_string_append (out, "]}\n");
    g_print ("%s", out->str);
    g_string_free (out, TRUE);
  }
  return TRUE;
}

/* The options scorecard and coach share: --rep, --from, --to and --format, then the
 * workspace and the rep. FALSE with @error, or TRUE with *@help_shown when --help was asked. */
static gboolean
parse_rep_period (SpCli     *cli,
                  int        argc,
                  char     **argv,
                  gboolean  *help_shown,
                  SpStore  **out_store,
                  gint64    *rep_id,
                  GDate     *from,
                  GDate     *to,
                  gboolean  *json,
                  GError   **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *rep_name = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SpStore) store = NULL;
  GOptionEntry entries[] = {
    { "rep", 'r', 0, G_OPTION_ARG_STRING, &rep_name, N_("The rep"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (the default) or json"),
      N_("FORMAT") },
    { NULL },
  };

  *help_shown = FALSE;
  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, help_shown, error))
    return FALSE;
  if (*help_shown)
    return TRUE;
  if (rep_name == NULL || from_text == NULL || to_text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"),
                   rep_name == NULL ? "--rep" : from_text == NULL ? "--from" : "--to");
      return FALSE;
    }
  if (!parse_day ("--from", from_text, from, error) || !parse_day ("--to", to_text, to, error)
      || !parse_json_format (format, json, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  *rep_id = sp_cli_find_rep (store, rep_name, 0, error);
  if (*rep_id == 0)
    return FALSE;
  *out_store = g_steal_pointer (&store);
  return TRUE;
}

gboolean
sp_cli_run_scorecard (SpCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown, json;
  SpScorecard card;
  gint64 rep_id;
  GDate from, to;
  if (!parse_rep_period (cli, argc, argv, &help_shown, &store, &rep_id, &from, &to, &json, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_scorecard_evaluate (store, rep_id, &from, &to, &card, error))
    return FALSE;

  if (json)
    {
      GString *out = g_string_new ("{\"indicators\":[");

      for (guint i = 0; i < SP_N_INDICATORS; i++)
        g_string_append_printf (out, "%s{\"indicator\":\"%s\",\"weight_bp\":%" G_GINT64_FORMAT
                                ",\"actual\":%" G_GINT64_FORMAT ",\"target\":%" G_GINT64_FORMAT
                                ",\"score_tenths\":%" G_GINT64_FORMAT "}", i > 0 ? "," : "",
                                sp_indicator_to_string (i), card.lines[i].weight_bp,
                                card.lines[i].actual, card.lines[i].target,
                                card.lines[i].score_tenths);
      g_string_append_printf (out, "],\"total_tenths\":%" G_GINT64_FORMAT "}\n",
                              card.total_tenths);
      g_print ("%s", out->str);
      g_string_free (out, TRUE);
      return TRUE;
    }
  for (guint i = 0; i < SP_N_INDICATORS; i++)
    {
      if (card.lines[i].weight_bp == 0)
        continue;
      g_print ("%s\t%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%\t%" G_GINT64_FORMAT ".%"
               G_GINT64_FORMAT "\n", sp_indicator_get_name (i), card.lines[i].weight_bp / 100,
               card.lines[i].weight_bp % 100, card.lines[i].score_tenths / 10,
               card.lines[i].score_tenths % 10);
    }
  g_print (_("Total score: %d.%d"), (int) (card.total_tenths / 10),
           (int) (card.total_tenths % 10));
  g_print ("\n");
  return TRUE;
}

static gboolean
parse_bracket (SpStore         *store,
               const char      *text,
               SpBonusBracket  *out,
               GError         **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  static const char * const tiers[] = { "base", "sprint", "challenge" };
  guint n = g_strv_length (parts);

  memset (out, 0, sizeof *out);
  out->tier = G_N_ELEMENTS (tiers);
  for (guint i = 0; n >= 3 && i < G_N_ELEMENTS (tiers); i++)
    if (g_str_equal (parts[0], tiers[i]))
      out->tier = i;
  if (n < 3 || out->tier == G_N_ELEMENTS (tiers)
      || !sp_cli_parse_percent ("--bracket", parts[1], &out->threshold_bp, NULL)
      || !sp_cli_parse_percent ("--bracket", parts[2], &out->rate_bp, NULL)
      || (n == 4 && !sp_money_parse (parts[3], sp_cli_get_currency (store), &out->fixed_amount,
                                     NULL))
      || out->threshold_bp < 0 || out->rate_bp < 0 || out->fixed_amount < 0)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid bracket “%s”: expected TIER:THRESHOLD%%:RATE%%[:AMOUNT], TIER "
                     "base, sprint or challenge"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_run_payout (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) bracket_texts = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GArray) brackets = g_array_new (FALSE, TRUE, sizeof (SpBonusBracket));
  g_autoptr(GArray) lines = NULL;
  gboolean help_shown;
  SpIncentiveRules rules = { 0, };
  GDate from, to;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day"), N_("YYYY-MM-DD") },
    { "bracket", 'b', 0, G_OPTION_ARG_STRING_ARRAY, &bracket_texts,
      N_("A bonus bracket, e.g. sprint:100%:3%:500 (repeat the option)"),
      N_("TIER:THRESHOLD:RATE[:AMOUNT]") },
    { NULL },
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (from_text == NULL || to_text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"),
                   from_text == NULL ? "--from" : "--to");
      return FALSE;
    }
  if (!parse_day ("--from", from_text, &from, error) || !parse_day ("--to", to_text, &to, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  for (guint i = 0; bracket_texts != NULL && bracket_texts[i] != NULL; i++)
    {
      SpBonusBracket b;

      if (!parse_bracket (store, bracket_texts[i], &b, error))
        return FALSE;
      g_array_append_val (brackets, b);
    }
  rules.brackets = (const SpBonusBracket *) brackets->data;
  rules.n_brackets = brackets->len;
  if (!sp_incentive_rules_set_plan (store, &from, &rules, error))
    return FALSE;
  lines = sp_incentive_preview (store, &rules, &from, &to, NULL, 0, error);
  if (lines == NULL)
    return FALSE;
  csv = sp_incentive_preview_to_csv (lines, sp_cli_get_currency (store)->digits);
  g_print ("%s", csv);
  return TRUE;
}

gboolean
sp_cli_run_revise (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GArray) baseline = NULL;
  g_autoptr(GArray) revised = NULL;
  g_autoptr(GError) local = NULL;
  gboolean help_shown;
  gint64 amount;
  int year;
  GDate day;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The fiscal year"), N_("YEAR") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the revision (default: today)"), N_("YYYY-MM-DD") },
    { "amount", 'a', 0, G_OPTION_ARG_STRING, &amount_text, N_("The new year target"),
      N_("AMOUNT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the target changes"), N_("TEXT") },
    { NULL },
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_cli_parse_year ("--year", year_text, &year, error)
      || !parse_day ("--date", date_text, &day, error))
    return FALSE;
  if (amount_text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--amount");
      return FALSE;
    }
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  if (!sp_money_parse (amount_text, sp_cli_get_currency (store), &amount, &local))
    {
      g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, local->message);
      return FALSE;
    }
  plan = sp_cli_require_plan (store, year, error);
  if (plan == NULL)
    return FALSE;
  if (sp_revision_add (store, sp_plan_get_id (plan), &day, reason, amount, &local) == 0)
    {
      if (g_error_matches (local, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED))
        g_set_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED,
                     _("The new target is below the months that have already ended"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!sp_revision_month_targets (store, sp_plan_get_id (plan), &baseline, &revised, NULL,
                                  error))
    return FALSE;
  g_print (_("Revised the target of fiscal year %d"), year);
  g_print ("\n");
  for (guint m = 0; m < baseline->len; m++)
    {
      g_autofree char *b = sp_cli_format_money (store, g_array_index (baseline, gint64, m));
      g_autofree char *r = sp_cli_format_money (store, g_array_index (revised, gint64, m));

      g_print ("%u\t%s\t%s\n", m + 1, b, r);
    }
  return TRUE;
}

gboolean
sp_cli_run_coach (SpCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown, json;
  SpDiagnosis d;
  gint64 rep_id;
  GDate from, to;
  if (!parse_rep_period (cli, argc, argv, &help_shown, &store, &rep_id, &from, &to, &json, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_coaching_diagnose (store, rep_id, &from, &to, &d, error))
    return FALSE;
  if (json)
    {
      GString *out = g_string_new ("{\"rates\":[");

      for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
        g_string_append_printf (out, "%s{\"rep\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                "],\"team\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}",
                                i > 0 ? "," : "", d.rep[i].num, d.rep[i].den, d.team[i].num,
                                d.team[i].den);
      g_string_append_printf (out, "],\"weakest\":%d}\n", d.weakest);
      g_print ("%s", out->str);
      g_string_free (out, TRUE);
      return TRUE;
    }
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_autofree char *rep = format_percent (d.rep[i]);
      g_autofree char *team = format_percent (d.team[i]);

      g_print ("%s → %s\t%s\t%s%s\n", sp_workload_stage_get_name (i),
               sp_workload_stage_get_name (i + 1), rep, team,
               (int) i == d.weakest ? "\t◀" : "");
    }
  if (d.weakest < 0)
    g_print ("%s\n", _("No stage below the team’s rate"));
  return TRUE;
}
