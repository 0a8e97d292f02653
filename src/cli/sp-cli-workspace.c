/* sp-cli-workspace.c — the workspace commands: init, demo, import, export, check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-cli-private.h"

/* lstat, so that a dangling symbolic link counts as "exists" too. */
static gboolean
path_exists (const char *path)
{
  GStatBuf buf;

  return g_lstat (path, &buf) == 0;
}

/* TRUE if both paths name the same existing file. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

gboolean
sp_cli_run_init (SpCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;

  if (!sp_cli_parse (cli, NULL, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  path = sp_cli_get_file (cli);
  if (path_exists (path))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists"), path);
      return FALSE;
    }

  store = sp_store_open (path, error);
  if (store == NULL)
    return FALSE;

  g_print (_("Created an empty workspace at “%s”"), path);
  g_print ("\n");
  return TRUE;
}

typedef struct
{
  int      last_percent;
  gboolean shown;
} DemoProgress;

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  DemoProgress *progress = user_data;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0);

  if (percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  progress->shown = TRUE;
  g_printerr ("\r");
  g_printerr (_("Generating demo data… %d%%"), percent);
}

static gboolean
parse_seed (const char  *text,
            guint64     *seed,
            GError     **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, seed, NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid seed “%s”: expected a whole number"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_run_demo (SpCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *seed_shown = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) reps = NULL;
  SpDemoSize size = SP_DEMO_SIZE_DEMO;
  guint64 seed = SP_DEMO_DEFAULT_SEED;
  DemoProgress progress = { -1, FALSE };
  char today_iso[16];
  GDate today;
  gboolean help_shown;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("How much data: “demo” (3 regions, 12 reps) or “large” (20 regions, 500 reps)"),
      N_("SIZE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the generator: the same seed and date give the same workspace"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Date the data leads up to (default: today)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  if (size_text != NULL && !sp_demo_size_from_string (size_text, &size))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown demo size “%s”: use “demo” or “large”"), size_text);
      return FALSE;
    }
  if (seed_text != NULL && !parse_seed (seed_text, &seed, error))
    return FALSE;

  g_date_clear (&today, 1);
  if (today_text != NULL)
    {
      if (!sp_date_parse_iso (today_text, &today))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Invalid date “%s”: expected YYYY-MM-DD"), today_text);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  path = sp_cli_get_file (cli);
  store = sp_store_open (path, error);
  if (store == NULL)
    return FALSE;

  ok = sp_demo_generate (store, size, seed, &today,
                         sp_cli_stderr_is_tty () ? demo_progress_cb : NULL, &progress,
                         NULL, error);
  if (progress.shown)
    g_printerr ("\n");
  if (!ok)
    return FALSE;

  regions = sp_region_list (store, error);
  if (regions == NULL)
    return FALSE;
  reps = sp_rep_list (store, 0, error);
  if (reps == NULL)
    return FALSE;

  seed_shown = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_date_strftime (today_iso, sizeof today_iso, "%Y-%m-%d", &today);
  /* TRANSLATORS: "%s" in order: the path, the seed, the date (YYYY-MM-DD); then the
   * numbers of regions and reps. */
  g_print (_("Filled “%s” with demo data (seed %s, as of %s): %u regions, %u reps"),
           path, seed_shown, today_iso,
           g_list_model_get_n_items (regions), g_list_model_get_n_items (reps));
  g_print ("\n");
  return TRUE;
}

gboolean
sp_cli_run_import (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;

  if (!sp_cli_parse (cli, NULL, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  path = sp_cli_get_file (cli);
  if (same_file (path, args[0]))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("“%s” is the workspace itself"), args[0]);
      return FALSE;
    }

  /* Before the workspace is opened (and so perhaps created): a bad file changes nothing. */
  if (!sp_store_validate_file (args[0], error))
    return FALSE;

  store = sp_store_open (path, error);
  if (store == NULL)
    return FALSE;
  if (!sp_store_import (store, args[0], &backup, error))
    return FALSE;

  if (backup != NULL)
    g_print (_("Imported “%s” into “%s”; the previous contents were saved to “%s”"),
             args[0], path, backup);
  else
    g_print (_("Imported “%s” into “%s”"), args[0], path);
  g_print ("\n");
  return TRUE;
}

gboolean
sp_cli_run_export (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean force = FALSE;
  gboolean help_shown;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  path = sp_cli_get_file (cli);
  if (same_file (path, args[0]))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("“%s” is the workspace itself"), args[0]);
      return FALSE;
    }
  if (!force && path_exists (args[0]))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), args[0]);
      return FALSE;
    }

  /* Exporting never writes to the workspace, nor creates one that is missing. */
  store = sp_store_open_read_only (path, error);
  if (store == NULL)
    return FALSE;
  if (!sp_store_export (store, args[0], error))
    return FALSE;

  g_print (_("Exported “%s” to “%s”"), path, args[0]);
  g_print ("\n");
  return TRUE;
}

gboolean
sp_cli_run_check (SpCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;

  if (!sp_cli_parse (cli, NULL, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  path = sp_cli_get_file (cli);
  store = sp_store_open_read_only (path, error);
  if (store == NULL)
    return FALSE;
  if (!sp_store_check (store, error))
    return FALSE;

  g_print (_("OK: %s (schema version %d)"), path, sp_store_get_schema_version (store));
  g_print ("\n");
  return TRUE;
}
