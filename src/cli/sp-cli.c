/* sp-cli.c — sales-planner-cli: global options, the command table and dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

static gboolean run_help (SpCli *cli, int argc, char **argv, GError **error);

/* Adding a command is one row here and one run function. */
static const SpCliCommand commands[] = {
  { "help",   N_("[COMMAND]"), N_("Show the help of the program or of a command"), run_help },
  { "init",   NULL,            N_("Create an empty workspace"), sp_cli_run_init },
  { "demo",   NULL,            N_("Fill an empty workspace with demo data"), sp_cli_run_demo },
  { "import", N_("FILE"),      N_("Replace the workspace with a .salesplan file (after a backup)"),
    sp_cli_run_import },
  { "export", N_("FILE"),      N_("Save a copy of the workspace as a .salesplan file"),
    sp_cli_run_export },
  { "check",  NULL,            N_("Check the workspace file for damage without changing it"),
    sp_cli_run_check },
  { "region", N_("ACTION"), N_("Add, rename, remove or list the regions"), sp_cli_run_region },
  { "rep", N_("ACTION"), N_("Add, edit, move, retire, merge or list the reps"), sp_cli_run_rep },
  { "product", N_("ACTION"), N_("Add, rename, remove or list the products"), sp_cli_run_product },
  { "customer-type", N_("ACTION"), N_("Add, rename, remove or list the customer types"),
    sp_cli_run_customer_type },
  { "import-history", N_("FILE.csv"), N_("Import history orders from a CSV file"),
    sp_cli_run_import_history },
  { "meeting", N_("plan|list|agenda|add-action|export"),
    N_("Plan the year’s meetings, list them, show an agenda, add an action item, export"),
    sp_cli_run_meeting },
  { "log-add", NULL, N_("Add or change a rep’s work log entry of one day"), sp_cli_run_log_add },
  { "log-import", N_("FILE.csv"), N_("Import work log entries from a CSV file"),
    sp_cli_run_log_import },
  { "log-export", N_("OUTPUT|-"), N_("Write the work log entries of a date range as CSV"),
    sp_cli_run_log_export },
  { "opp-import", N_("FILE.csv"), N_("Import opportunities and their stage history from a CSV file"),
    sp_cli_run_opp_import },
  { "opp-export", N_("OUTPUT|-"), N_("Write the opportunities and their stage history as CSV"),
    sp_cli_run_opp_export },
  { "opp-stage", NULL, N_("Move an opportunity to another pipeline stage"), sp_cli_run_opp_stage },
  { "set-target", NULL, N_("Create or change the target of a fiscal year"),
    sp_cli_run_set_target },
  { "breakdown", NULL,
    N_("Break a year’s target down by month, region, rep, product and customer type"),
    sp_cli_run_breakdown },
  { "export-breakdown", N_("OUTPUT|-"), N_("Write a year’s breakdown as CSV or JSON"),
    sp_cli_run_export_breakdown },
  { "worksheet", NULL,
    N_("Show or edit a year’s target worksheet: basis, growth, SWOT, commitments, OGSMT"),
    sp_cli_run_worksheet },
  { "workload", NULL, N_("Show the daily activity a target needs (prospects, appointments, …)"),
    sp_cli_run_workload },
  { "render", N_("CHART"),
    N_("Draw a chart (funnel, attainment, burnup, ranking, heatmap, kpis) to PNG, SVG or PDF"),
    sp_cli_run_render },
  { "report", NULL, N_("Write a fiscal year’s PDF meeting report: plan, targets table and charts"),
    sp_cli_run_report },
  { "ranking", NULL, N_("Rank reps or regions by attainment for a week, month or quarter (战报)"),
    sp_cli_run_ranking },
  { "scorecard", NULL, N_("Show a rep’s weighted scorecard for a period (绩效考核)"),
    sp_cli_run_scorecard },
  { "payout", NULL, N_("Write the incentive payout preview of a period as CSV (激励)"),
    sp_cli_run_payout },
  { "revise", NULL, N_("Revise a year’s target and re-spread the remaining months (目标修正)"),
    sp_cli_run_revise },
  { "coach", NULL, N_("Show a rep’s conversion rates against the team’s and the weakest stage"),
    sp_cli_run_coach },
};

G_DEFINE_QUARK (sp-cli-error-quark, sp_cli_error)

#define FILE_OPTION_DESCRIPTION \
  N_("The workspace file (default: $SALES_PLANNER_FILE, else the app’s workspace)")

static const SpCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

char *
sp_cli_get_file (SpCli *cli)
{
  if (cli->file != NULL)
    return g_strdup (cli->file);
  return sp_store_default_path ();
}

gint64
sp_cli_find_rep (SpStore     *store,
                 const char  *name,
                 gint64       region_id,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = sp_rep_find_by_name (store, name, region_id, &local_error);

  if (id != 0)
    return id;
  if (g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND)
      || g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS))
    g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
sp_cli_stderr_is_tty (void)
{
  return isatty (STDERR_FILENO);
}

guint
sp_cli_count (guint64 n)
{
  return (guint) MIN (n, G_MAXUINT);
}

gboolean
sp_cli_parse_csv_options (const char      *encoding_text,
                          const char      *date_order_text,
                          SpCsvEncoding   *encoding,
                          SpCsvDateOrder  *date_order,
                          GError         **error)
{
  if (encoding_text != NULL && !sp_csv_encoding_from_string (encoding_text, encoding))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown encoding “%s”: use “auto”, “utf-8” or “gb18030”"), encoding_text);
      return FALSE;
    }

  if (date_order_text == NULL || g_ascii_strcasecmp (date_order_text, "auto") == 0)
    *date_order = SP_CSV_DATE_ORDER_AUTO;
  else if (g_ascii_strcasecmp (date_order_text, "dmy") == 0)
    *date_order = SP_CSV_DATE_ORDER_DMY;
  else if (g_ascii_strcasecmp (date_order_text, "mdy") == 0)
    *date_order = SP_CSV_DATE_ORDER_MDY;
  else
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown date order “%s”: use “auto”, “dmy” or “mdy”"), date_order_text);
      return FALSE;
    }

  return TRUE;
}

void
sp_cli_print_rejected (GPtrArray *rejected,
                       guint64    n_rejected)
{
  for (guint i = 0; i < rejected->len; i++)
    {
      SpHistoryRejectedRow *row = g_ptr_array_index (rejected, i);
      g_autofree char *message = g_strdup (row->message);

      g_strdelimit (message, "\r\n", ' ');
      g_printerr ("%s\n", message);
    }
  if (n_rejected > rejected->len)
    {
      g_printerr (_("… and %u more rejected rows"), sp_cli_count (n_rejected - rejected->len));
      g_printerr ("\n");
    }
}

static GOptionContext *
main_context_new (char     **file,
                  gboolean  *show_version,
                  gboolean  *show_help)
{
  GOptionContext *context;
  g_autoptr(GString) description = g_string_new (NULL);
  const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, file, FILE_OPTION_DESCRIPTION, N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, show_version, N_("Show the program's version"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, show_help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_string_append_printf (description, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-16s  %s\n", commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (description, '\n');
  g_string_append_printf (description, _("Run “%s COMMAND --help” for the options of a command."),
                          SP_CLI_NAME);

  context = g_option_context_new (N_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                N_("Work with a Sales Planner workspace without a display."));
  g_option_context_set_description (context, description->str);
  g_option_context_set_help_enabled (context, FALSE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static void
print_main_help (void)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *file = NULL;
  g_autofree char *help = NULL;
  gboolean show_version = FALSE;
  gboolean show_help = FALSE;

  context = main_context_new (&file, &show_version, &show_help);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_print ("%s", help);
}

gboolean
sp_cli_parse (SpCli              *cli,
              const GOptionEntry *entries,
              int                 argc,
              char              **argv,
              guint               min_args,
              guint               max_args,
              GStrv              *args,
              gboolean           *help_shown,
              GError            **error)
{
  const SpCliCommand *command = cli->command;
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) strv = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *file = NULL;
  gboolean show_help = FALSE;
  guint n_rest;
  const GOptionEntry common[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file, FILE_OPTION_DESCRIPTION, N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (argc >= 1, FALSE);
  g_return_val_if_fail (min_args <= max_args, FALSE);

  *help_shown = FALSE;
  *args = NULL;

  context = g_option_context_new (command->parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &strv, error))
    return FALSE;

  if (show_help)
    {
      g_autofree char *prgname = g_strdup_printf ("%s %s", SP_CLI_NAME, command->name);
      g_autofree char *help = NULL;

      /* The usage line reads "sales-planner-cli COMMAND [OPTION…] …". */
      g_set_prgname (prgname);
      help = g_option_context_get_help (context, TRUE, NULL);
      g_set_prgname (SP_CLI_NAME);
      g_print ("%s", help);

      *help_shown = TRUE;
      *args = g_new0 (char *, 1);
      return TRUE;
    }

  if (file != NULL)
    {
      g_free (cli->file);
      cli->file = g_steal_pointer (&file);
    }

  n_rest = rest != NULL ? g_strv_length (rest) : 0;
  if (n_rest < min_args)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Missing argument %s for “%s”"),
                   command->parameter_string != NULL ? _(command->parameter_string) : "",
                   command->name);
      return FALSE;
    }
  if (n_rest > max_args)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unexpected argument “%s” for “%s”"), rest[max_args], command->name);
      return FALSE;
    }

  *args = rest != NULL ? g_steal_pointer (&rest) : g_new0 (char *, 1);
  return TRUE;
}

static gboolean
run_help (SpCli   *cli,
          int      argc,
          char   **argv,
          GError **error)
{
  g_auto(GStrv) args = NULL;
  gboolean help_shown;
  const SpCliCommand *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (!sp_cli_parse (cli, NULL, argc, argv, 0, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (args[0] == NULL)
    {
      print_main_help ();
      return TRUE;
    }

  command = find_command (args[0]);
  if (command == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown command “%s”; run “%s help” for a list of commands"),
                   args[0], SP_CLI_NAME);
      return FALSE;
    }

  cli->command = command;
  help_argv[0] = (char *) command->name;
  return command->run (cli, 2, help_argv, error);
}

static gboolean
run (SpCli   *cli,
     int      argc,
     char   **argv,
     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) strv = NULL;
  gboolean show_version = FALSE;
  gboolean show_help = FALSE;
  guint n;

  context = main_context_new (&cli->file, &show_version, &show_help);
  strv = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &strv, error))
    return FALSE;

  if (show_version)
    {
      g_print ("%s %s\n", SP_CLI_NAME, VERSION);
      return TRUE;
    }
  if (show_help)
    {
      print_main_help ();
      return TRUE;
    }

  n = g_strv_length (strv);
  if (n < 2)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("No command given; run “%s help” for a list of commands"), SP_CLI_NAME);
      return FALSE;
    }

  cli->command = find_command (strv[1]);
  if (cli->command == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown command “%s”; run “%s help” for a list of commands"),
                   strv[1], SP_CLI_NAME);
      return FALSE;
    }

  return cli->command->run (cli, n - 1, strv + 1, error);
}

/* Exactly one line, whatever the message (SQLite's integrity reports span several). */
static void
print_error (const GError *error)
{
  g_auto(GStrv) lines = g_strsplit_set (error->message, "\r\n", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, "; ");
      g_string_append (line, lines[i]);
    }

  g_printerr ("%s: %s\n", SP_CLI_NAME, line->str);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  SpCli cli = { 0 };
  const char *localedir;
  gboolean ok;

  setlocale (LC_ALL, "");
  /* Tests point this at the build tree's po/ to run with uninstalled translations. */
  localedir = g_getenv ("SALES_PLANNER_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (SP_CLI_NAME);

  ok = run (&cli, argc, argv, &error);
  if (!ok)
    {
      if (error != NULL)
        print_error (error);
      else
        g_printerr ("%s: %s\n", SP_CLI_NAME, _("Failed for an unknown reason"));
    }

  g_free (cli.file);
  if (ok)
    return SP_CLI_EXIT_OK;
  /* As most programs: 2 when the command line was wrong, 1 when the work failed. */
  if (error != NULL && (error->domain == G_OPTION_ERROR
                        || g_error_matches (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE)))
    return SP_CLI_EXIT_USAGE;
  return SP_CLI_EXIT_FAILURE;
}
