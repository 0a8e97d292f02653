/* sp-cli-history.c — the import-history command: history orders from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"
#include "sp-history-import.h"

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
print_names (const char *label,
             GPtrArray  *names)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = g_strdup (g_ptr_array_index (names, i));

      /* One line per list, whatever the names hold. */
      g_strdelimit (name, "\r\n", ' ');
      if (i > 0)
        g_string_append (line, ", ");
      g_string_append (line, name);
    }
  g_print ("%s %s\n", label, names->len > 0 ? line->str : "—");
}

static void
print_preview (SpHistoryPreview *preview)
{
  const SpCurrency *currency = sp_currency_lookup (preview->currency);
  g_autofree char *total = sp_money_format (preview->total_amount, currency,
                                            SP_MONEY_FORMAT_DEFAULT);

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
  print_names (_("New regions:"), preview->new_regions);
  print_names (_("New reps:"), preview->new_reps);
  print_names (_("New products:"), preview->new_products);
  print_names (_("New customer types:"), preview->new_customer_types);

  sp_cli_print_rejected (preview->rejected, preview->rows_rejected);
}

gboolean
sp_cli_run_import_history (SpCli   *cli,
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
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean dry_run = FALSE;
  gboolean allow_rejected = FALSE;
  gboolean help_shown;
  SpHistoryImportOptions options = { 0 };
  ReadProgress progress = { -1, FALSE };
  gboolean tty = sp_cli_stderr_is_tty ();
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read a field from another column, e.g. date=下单日期 or amount=3 (repeatable)"),
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
  /* Before the workspace is opened (and so perhaps created). */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  path = sp_cli_get_file (cli);
  store = sp_store_open (path, error);
  if (store == NULL)
    return FALSE;

  if (dry_run)
    preview = sp_history_import_preview (store, file, &options,
                                         tty ? read_progress_cb : NULL, &progress,
                                         NULL, &local_error);
  else
    sp_history_import_commit (store, file, &options, tty ? read_progress_cb : NULL, &progress,
                              NULL, &preview, &local_error);
  if (progress.shown)
    g_printerr ("\n");

  if (preview != NULL)
    print_preview (preview);
  if (local_error != NULL)
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
                                (gulong) MIN (preview->rows_rejected, G_MAXUINT)),
                   (guint) MIN (preview->rows_rejected, G_MAXUINT));
      return FALSE;
    }

  if (dry_run)
    g_print (_("Dry run: nothing was imported"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u order", "Imported %u orders",
                          (gulong) MIN (preview->rows_accepted, G_MAXUINT)),
             (guint) MIN (preview->rows_accepted, G_MAXUINT));
  g_print ("\n");
  if (preview->backup_path != NULL)
    {
      g_print (_("The import is too large to undo; the workspace was backed up to “%s” first"),
               preview->backup_path);
      g_print ("\n");
    }
  return TRUE;
}
