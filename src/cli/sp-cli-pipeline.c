/* sp-cli-pipeline.c — opportunities: opp-import, opp-export and opp-stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"
#include "sp-opportunity-csv.h"
#include "sp-opportunity.h"

static void
print_preview (SpOpportunityPreview *preview)
{
  const SpCurrency *currency = sp_currency_lookup (preview->currency);
  g_autofree char *total = sp_money_format (preview->total_amount, currency,
                                            SP_MONEY_FORMAT_DEFAULT);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < preview->new_customers->len; i++)
    {
      g_autofree char *name = g_strdup (g_ptr_array_index (preview->new_customers, i));

      g_strdelimit (name, "\r\n", ' ');
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  g_print (_("Encoding: %s"), sp_csv_encoding_to_string (preview->encoding));
  g_print ("\n");
  g_print (_("Rows read: %u"), sp_cli_count (preview->rows_read));
  g_print ("\n");
  g_print (_("Rows accepted: %u"), sp_cli_count (preview->rows_accepted));
  g_print ("\n");
  g_print (_("Rows rejected: %u"), sp_cli_count (preview->rows_rejected));
  g_print ("\n");
  g_print (_("Total amount: %s"), total);
  g_print ("\n");
  g_print ("%s %s\n", _("New customers:"), names->len > 0 ? names->str : "—");

  sp_cli_print_rejected (preview->rejected, preview->rows_rejected);
}

gboolean
sp_cli_run_opp_import (SpCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *date_order_text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SpOpportunityPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean dry_run = FALSE, allow_rejected = FALSE, help_shown;
  SpOpportunityImportOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a field from another column, e.g. title=项目 or amount=3 (repeatable)"),
      N_("FIELD=HEADER") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_text,
      N_("The file’s encoding: auto (default), utf-8 or gb18030"), N_("ENCODING") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order_text,
      N_("How to read dates like 03/05/2026: auto (default, refuses them), dmy or mdy"),
      N_("ORDER") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file and show what would be imported"), NULL },
    { "allow-rejected", 0, 0, G_OPTION_ARG_NONE, &allow_rejected,
      N_("Import the good rows even if some rows are bad"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_cli_parse_csv_options (encoding_text, date_order_text, &options.encoding,
                                 &options.date_order, error))
    return FALSE;
  options.overrides = (const char * const *) maps;
  options.allow_rejected = allow_rejected;

  file = g_file_new_for_commandline_arg (args[0]);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  path = sp_cli_get_file (cli);
  store = sp_store_open (path, error);
  if (store == NULL)
    return FALSE;

  if (dry_run)
    preview = sp_opportunity_import_preview (store, file, &options, NULL, &local_error);
  else
    sp_opportunity_import_commit (store, file, &options, NULL, &preview, &local_error);
  if (preview != NULL)
    print_preview (preview);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (preview->rows_rejected > 0 && !allow_rejected)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row cannot be imported; use --allow-rejected to skip it",
                                "%u rows cannot be imported; use --allow-rejected to skip them",
                                (gulong) sp_cli_count (preview->rows_rejected)),
                   sp_cli_count (preview->rows_rejected));
      return FALSE;
    }
  if (dry_run)
    g_print (_("Dry run: nothing was imported"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u opportunity",
                          "Imported %u opportunities", (gulong) sp_cli_count (preview->rows_accepted)),
             sp_cli_count (preview->rows_accepted));
  g_print ("\n");
  if (preview->backup_path != NULL)
    {
      g_print (_("The import is too large to undo; the workspace was backed up to “%s” first"),
               preview->backup_path);
      g_print ("\n");
    }
  return TRUE;
}

static gboolean
find_stage (SpStore     *store,
            const char  *name,
            gint64      *out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = sp_opportunity_find_stage (store, name, &local_error);
  if (*out != 0)
    return TRUE;
  if (g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND))
    g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, "%s", local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
sp_cli_run_opp_export (SpCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *rep_name = NULL;
  g_autofree char *stage_name = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  gboolean bom = FALSE, force = FALSE, help_shown;
  gint64 rep_id = 0, stage_id = 0;
  gconstpointer data;
  gsize size;
  const GOptionEntry entries[] = {
    { "rep", 'r', 0, G_OPTION_ARG_STRING, &rep_name, N_("Only this rep’s opportunities"),
      N_("NAME") },
    { "stage", 's', 0, G_OPTION_ARG_STRING, &stage_name,
      N_("Only the opportunities in this stage"), N_("NAME") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the file with a BOM, for Excel"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUTPUT if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!g_str_equal (args[0], "-") && !force && g_file_test (args[0], G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), args[0]);
      return FALSE;
    }
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  if ((rep_name != NULL && (rep_id = sp_cli_find_rep (store, rep_name, 0, error)) == 0)
      || (stage_name != NULL && !find_stage (store, stage_name, &stage_id, error)))
    return FALSE;

  /* Whole in memory, then written at once: a failed export leaves no half file. */
  memory = g_memory_output_stream_new_resizable ();
  if (!sp_opportunity_export (store, memory, rep_id, 0, stage_id,
                              bom ? SP_CSV_WRITE_BOM : SP_CSV_WRITE_DEFAULT, NULL, error)
      || !g_output_stream_close (memory, NULL, error))
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

gboolean
sp_cli_run_opp_stage (SpCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *stage_name = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpOpportunity) opportunity = NULL;
  gboolean help_shown;
  gint64 id = 0, stage_id;
  char day[16] = "";
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("The opportunity’s id"), N_("N") },
    { "stage", 's', 0, G_OPTION_ARG_STRING, &stage_name, N_("The stage to move it to"),
      N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it entered the stage (default: today)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (id <= 0 || stage_name == NULL)
    {
      g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                           _("Give the opportunity with --id and the stage with --stage"));
      return FALSE;
    }
  if (date_text != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (!sp_csv_parse_date (date_text, SP_CSV_DATE_ORDER_AUTO, &date, NULL))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("“%s” is not a date (YYYY-MM-DD)"), date_text);
          return FALSE;
        }
      g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
    }
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || !find_stage (store, stage_name, &stage_id, error)
      || !sp_opportunity_set_stage (store, id, stage_id, day[0] != '\0' ? day : NULL, error))
    return FALSE;
  opportunity = sp_opportunity_get (store, id, error);
  if (opportunity == NULL)
    return FALSE;
  /* Translators: "Opportunity 7 “ERP rollout” is now in stage Won" */
  g_print (_("Opportunity %lld “%s” is now in stage %s"), (long long) id,
           opportunity->title, opportunity->stage);
  g_print ("\n");
  return TRUE;
}
