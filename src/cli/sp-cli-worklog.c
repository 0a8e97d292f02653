/* sp-cli-worklog.c — the work-log commands: log-add, log-import and log-export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"
#include "sp-worklog-csv.h"

/* The --option of each entry field, in SpWorklogField order. */
static const char * const field_options[SP_WORKLOG_N_FIELDS] = {
  "prospects", "appointments", "presentations", "objections", "closes", "orders", "revenue",
  "new-customers", "repeat-purchases", "collected", "summary", "problems", "help-needed",
  "tomorrow-plan",
};

static gboolean
find_region (SpStore     *store,
             const char  *name,
             gint64      *region_id,
             GError     **error)
{
  g_autoptr(GListModel) regions = sp_region_list (store, error);

  if (regions == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);

      if (g_str_equal (sp_region_get_name (region), name))
        {
          *region_id = sp_region_get_id (region);
          return TRUE;
        }
    }
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("There is no region named “%s”"),
               name);
  return FALSE;
}

/* The rep named @name (in region @region when given) by the model's rule; an error when there
 * is none or the name alone is ambiguous. */
static gboolean
find_rep (SpStore     *store,
          const char  *name,
          const char  *region,
          gint64      *rep_id,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 region_id = 0;

  if (region != NULL && !find_region (store, region, &region_id, &local_error))
    {
      if (local_error->domain != SP_CLI_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                     _("There is no rep named “%s” in region “%s”"), name, region);
      return FALSE;
    }
  *rep_id = sp_rep_find_by_name (store, name, region_id, &local_error);
  if (*rep_id != 0)
    return TRUE;
  if (g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_AMBIGUOUS))
    g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                 _("There are several reps named “%s”; add --region"), name);
  else if (g_error_matches (local_error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND))
    g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
parse_day (const char  *text,
           GDate       *day,
           GError     **error)
{
  g_date_clear (day, 1);
  if (!sp_date_parse_iso (text, day))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_run_log_add (SpCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *rep_name = NULL;
  g_autofree char *region_name = NULL;
  g_autofree char *date_text = NULL;
  char *texts[SP_WORKLOG_N_FIELDS] = { NULL };
  g_autoptr(SpStore) store = NULL;
  g_auto(SpWorklogEntry) entry = { 0 };
  const SpCurrency *currency;
  gboolean help_shown, exists, ok = FALSE;
  gint64 rep_id = 0;
  GDate day;
  GOptionEntry entries[3 + SP_WORKLOG_N_FIELDS + 1] = {
    { "rep", 'r', 0, G_OPTION_ARG_STRING, &rep_name, N_("The rep whose entry it is"),
      N_("NAME") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region_name,
      N_("The rep’s region, when two reps share the name"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the entry"),
      N_("YYYY-MM-DD") },
  };

  for (guint f = 0; f < SP_WORKLOG_N_FIELDS; f++)
    {
      GOptionEntry *e = &entries[3 + f];

      e->long_name = field_options[f];
      e->arg = G_OPTION_ARG_STRING;
      e->arg_data = &texts[f];
      /* The field's translated label: --help shows what the option sets. */
      e->description = sp_worklog_field_get_label (f);
      e->arg_description = sp_worklog_field_get_kind (f) == SP_WORKLOG_KIND_NOTE ? N_("TEXT")
                           : sp_worklog_field_get_kind (f) == SP_WORKLOG_KIND_MONEY
                           ? N_("AMOUNT") : N_("N");
    }

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    goto out;
  if (help_shown)
    {
      ok = TRUE;
      goto out;
    }
  if (rep_name == NULL || date_text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"),
                   rep_name == NULL ? "--rep" : "--date");
      goto out;
    }
  if (!parse_day (date_text, &day, error))
    goto out;

  store = sp_cli_open_existing (cli, error);
  if (store == NULL || !find_rep (store, rep_name, region_name, &rep_id, error))
    goto out;
  currency = sp_cli_get_currency (store);

  /* Fields not given keep what the entry already holds. */
  if (!sp_worklog_get (store, rep_id, &day, &entry, &exists, error))
    goto out;
  for (guint f = 0; f < SP_WORKLOG_N_FIELDS; f++)
    {
      g_autofree char *note = NULL;
      gint64 value = 0;

      if (texts[f] == NULL)
        continue;
      if (!sp_worklog_field_parse (f, texts[f], currency, &value, &note, error))
        goto out;
      if (f < SP_WORKLOG_FIRST_NOTE)
        entry.values[f] = value;
      else
        sp_worklog_entry_set_note (&entry, f, note);
    }
  if (!sp_worklog_set_entry (store, &entry, error))
    goto out;

  g_print (exists ? _("Updated the entry of %s on %s") : _("Added the entry of %s on %s"),
           rep_name, date_text);
  g_print ("\n");
  ok = TRUE;

out:
  for (guint f = 0; f < SP_WORKLOG_N_FIELDS; f++)
    g_free (texts[f]);
  return ok;
}

typedef struct
{
  int      last_percent;
  gboolean shown;
} ReadProgress;

static void
read_progress_cb (guint64  bytes_read,
                  guint64  bytes_total,
                  gpointer user_data)
{
  ReadProgress *progress = user_data;
  int percent;

  if (bytes_total == 0)
    return;
  percent = (int) (MIN (bytes_read, bytes_total) * 100 / bytes_total);
  if (percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  progress->shown = TRUE;
  g_printerr ("\r");
  g_printerr (_("Reading… %d%%"), percent);
}

static void
print_preview (SpWorklogImportPreview *preview)
{
  g_print (_("Encoding: %s"), sp_csv_encoding_to_string (preview->encoding));
  g_print ("\n");
  g_print (_("Rows read: %u"), sp_cli_count (preview->rows_read));
  g_print ("\n");
  g_print (_("Rows accepted: %u"), sp_cli_count (preview->rows_accepted));
  g_print ("\n");
  g_print (_("Rows rejected: %u"), sp_cli_count (preview->rows_rejected));
  g_print ("\n");

  sp_cli_print_rejected (preview->rejected, preview->rows_rejected);
}

gboolean
sp_cli_run_log_import (SpCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) maps = NULL;
  g_autofree char *encoding_text = NULL;
  g_autofree char *date_order_text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SpWorklogImportPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean dry_run = FALSE;
  gboolean allow_rejected = FALSE;
  gboolean help_shown;
  SpHistoryImportOptions options = { 0 };
  ReadProgress progress = { -1, FALSE };
  gboolean tty = sp_cli_stderr_is_tty ();
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a field from another column, e.g. rep=业务员 or prospects=4 (repeatable)"),
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
  /* The reps must exist already, so the workspace must too. */
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;

  if (dry_run)
    preview = sp_worklog_csv_import_preview (store, file, &options,
                                             tty ? read_progress_cb : NULL, &progress,
                                             NULL, &local_error);
  else
    sp_worklog_csv_import_commit (store, file, &options, tty ? read_progress_cb : NULL,
                                  &progress, NULL, &preview, &local_error);
  if (progress.shown)
    g_printerr ("\n");

  if (preview != NULL)
    print_preview (preview);
  if (local_error != NULL
      && !g_error_matches (local_error, SP_HISTORY_IMPORT_ERROR,
                           SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (preview->rows_rejected > 0 && !allow_rejected)
    {
      /* A dry run fails the same way the import would. */
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
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u work log entry",
                          "Imported %u work log entries",
                          (gulong) sp_cli_count (preview->rows_accepted)),
             sp_cli_count (preview->rows_accepted));
  g_print ("\n");
  if (preview->backup_path != NULL)
    {
      g_print (_("The workspace was backed up to “%s” before the import"), preview->backup_path);
      g_print ("\n");
    }
  return TRUE;
}

gboolean
sp_cli_run_log_export (SpCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *rep_name = NULL;
  g_autofree char *region_name = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  gboolean bom = FALSE, chinese = FALSE, force = FALSE;
  gboolean help_shown;
  SpWorklogCsvExportFlags flags = SP_WORKLOG_CSV_EXPORT_DEFAULT;
  gint64 rep_id = 0, region_id = 0;
  gconstpointer data;
  gsize size;
  GDate from, to, first, last;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day (default: the earliest the work log accepts)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day (default: the latest the work log accepts)"), N_("YYYY-MM-DD") },
    { "rep", 'r', 0, G_OPTION_ARG_STRING, &rep_name, N_("Only this rep’s entries"),
      N_("NAME") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region_name,
      N_("Only the entries of this region (with --rep: the rep’s region)"), N_("NAME") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start the file with a BOM, for Excel"), NULL },
    { "chinese-headers", 0, 0, G_OPTION_ARG_NONE, &chinese,
      N_("Write the column headers in Chinese"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUTPUT if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if ((from_text != NULL && !parse_day (from_text, &from, error))
      || (to_text != NULL && !parse_day (to_text, &to, error)))
    return FALSE;
  if (bom)
    flags |= SP_WORKLOG_CSV_EXPORT_BOM;
  if (chinese)
    flags |= SP_WORKLOG_CSV_EXPORT_CHINESE_HEADERS;
  if (!g_str_equal (args[0], "-") && !force && g_file_test (args[0], G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), args[0]);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  if (rep_name != NULL)
    {
      if (!find_rep (store, rep_name, region_name, &rep_id, error))
        return FALSE;
    }
  else if (region_name != NULL && !find_region (store, region_name, &region_id, error))
    return FALSE;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!sp_worklog_get_day_range (store, &first, &last, error))
    return FALSE;
  if (from_text == NULL)
    from = first;
  if (to_text == NULL)
    to = last;
  if (g_date_compare (&from, &to) > 0)
    {
      g_autofree char *from_iso = sp_date_format_iso (&from);
      g_autofree char *to_iso = sp_date_format_iso (&to);

      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("--from %s is after --to %s"),
                   from_iso, to_iso);
      return FALSE;
    }

  /* Whole in memory, then written at once: a failed export leaves no half file. */
  memory = g_memory_output_stream_new_resizable ();
  if (!sp_worklog_csv_export (store, &from, &to, rep_id, region_id, flags, memory, NULL, NULL,
                              error)
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
