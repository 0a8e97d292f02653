/* sp-cli-report.c — the report command: the PDF meeting report of one fiscal year
 *
 * The report is built by sp_report_build(), the code behind the app's Export Report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"
#include "sp-report-builder.h"

gboolean
sp_cli_run_report (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpReportSource) source = NULL;
  g_autoptr(SpReport) report = NULL;
  SpBreakdownPeriod period = SP_BREAKDOWN_PERIOD_MONTH;
  gboolean force = FALSE, help_shown;
  GDate today;
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The fiscal year"), N_("YEAR") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("Rows of the targets table: month (default), quarter or year"), N_("PERIOD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the burn-up has reached (default: today)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"),
      N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (!sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;
  if (period_text != NULL
      && (!sp_breakdown_period_from_string (period_text, &period)
          || (period != SP_BREAKDOWN_PERIOD_MONTH && period != SP_BREAKDOWN_PERIOD_QUARTER
              && period != SP_BREAKDOWN_PERIOD_YEAR)))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown period “%s”: use month, quarter or year"), period_text);
      return FALSE;
    }
  g_date_clear (&today, 1);
  if (today_text != NULL && !sp_date_parse_iso (today_text, &today))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), today_text);
      return FALSE;
    }
  if (output == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--output");
      return FALSE;
    }
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("The report is a PDF: name “%s” .pdf"), output);
      return FALSE;
    }
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), output);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  source = sp_report_source_new (store, year, &today);
  report = sp_report_build (source, period, error);
  if (report == NULL)
    return FALSE;
  if (!sp_report_write_pdf (report, output, error))
    return FALSE;
  /* TRANSLATORS: after the report command, "Wrote report.pdf (9 pages)" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page)", "Wrote %s (%u pages)",
                        sp_report_count_pages (report)),
           output, sp_report_count_pages (report));
  g_print ("\n");
  return TRUE;
}
