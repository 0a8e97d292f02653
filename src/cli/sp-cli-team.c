/* sp-cli-team.c — the roster commands rep and region, each with its actions (add, edit, move,
 * leave, list, …), and what the commands with actions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

/* ---- actions of a command ------------------------------------------------------------ */

gboolean
sp_cli_run_action (SpCli               *cli,
                   const SpCliCommand  *actions,
                   guint                n_actions,
                   int                  argc,
                   char               **argv,
                   GError             **error)
{
  const SpCliCommand *group = cli->command;
  g_autofree char *name = NULL;
  SpCliCommand action;

  if (argc < 2 || argv[1][0] == '-')
    {
      if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
        {
          g_print (_("Usage:\n  %s %s ACTION [OPTION…]\n\n%s\n\nActions:\n"), SP_CLI_NAME,
                   group->name, _(group->summary));
          for (guint i = 0; i < n_actions; i++)
            g_print ("  %-12s  %s\n", actions[i].name, _(actions[i].summary));
          g_print ("\n");
          g_print (_("Run “%s %s ACTION --help” for the options of an action."), SP_CLI_NAME,
                   group->name);
          g_print ("\n");
          return TRUE;
        }
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Missing action for “%s”; run “%s %s --help” for a list of actions"),
                   group->name, SP_CLI_NAME, group->name);
      return FALSE;
    }

  for (guint i = 0; i < n_actions; i++)
    if (g_str_equal (actions[i].name, argv[1]))
      {
        name = g_strdup_printf ("%s %s", group->name, actions[i].name);
        action = actions[i];
        action.name = name;
        cli->command = &action;
        return action.run (cli, argc - 1, argv + 1, error);
      }

  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
               _("Unknown action “%s” for “%s”; run “%s %s --help” for a list of actions"),
               argv[1], group->name, SP_CLI_NAME, group->name);
  return FALSE;
}

gboolean
sp_cli_usage_error (GError **error,
                    GError  *local_error)
{
  if (local_error->domain == SP_STORE_ERROR
      && (local_error->code == SP_STORE_ERROR_NOT_FOUND
          || local_error->code == SP_STORE_ERROR_AMBIGUOUS))
    {
      g_set_error_literal (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, local_error->message);
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
  return FALSE;
}

static gint64
find_region (SpStore     *store,
             const char  *name,
             GError     **error)
{
  GError *local_error = NULL;
  gint64 id = sp_region_find_by_name (store, name, &local_error);

  if (id == 0)
    sp_cli_usage_error (error, local_error);
  return id;
}

/* The rep called @name, in @region when given. */
static gint64
find_rep (SpStore     *store,
          const char  *name,
          const char  *region,
          GError     **error)
{
  gint64 region_id = 0;

  if (region != NULL && (region_id = find_region (store, region, error)) == 0)
    return 0;
  return sp_cli_find_rep (store, name, region_id, error);
}

gboolean
sp_cli_parse_list_format (const char  *text,
                          gboolean    *json,
                          GError     **error)
{
  *json = FALSE;
  if (text == NULL || g_ascii_strcasecmp (text, "text") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (text, "json") == 0)
    {
      *json = TRUE;
      return TRUE;
    }
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
               _("Unknown format “%s”: use “text” or “json”"), text);
  return FALSE;
}

void
sp_cli_json_string (GString    *out,
                    const char *text)
{
  g_autofree char *quoted = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  /* One escaping for every JSON the CLI prints: json-glib's, through the model's writer. */
  quoted = sp_json_quote (text);
  g_string_append (out, quoted);
}

static gboolean
missing_option (const char  *value,
                const char  *option,
                GError     **error)
{
  if (value != NULL)
    return FALSE;
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), option);
  return TRUE;
}

/* ---- rep ----------------------------------------------------------------------------- */

static gboolean
run_rep_add (SpCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autofree char *hired = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 region_id = 0;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("The rep’s region"), N_("NAME") },
    { "hired", 0, 0, G_OPTION_ARG_STRING, &hired, N_("The day the rep joins the team"),
      N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (region != NULL && (region_id = find_region (store, region, error)) == 0)
      || sp_rep_hire (store, args[0], region_id, hired, error) == 0)
    return FALSE;

  if (region != NULL)
    g_print (_("Added rep %s to region %s"), g_strstrip (args[0]), g_strstrip (region));
  else
    g_print (_("Added rep %s"), g_strstrip (args[0]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_rep_edit (SpCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hired = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 rep_id;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("The rep’s region, when two reps share the name"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The rep’s new name"), N_("NAME") },
    { "hired", 0, 0, G_OPTION_ARG_STRING, &hired, N_("The day the rep joined the team"),
      N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (name == NULL && hired == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Nothing to change: give --name or --hired"));
      return FALSE;
    }
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || (rep_id = find_rep (store, args[0], region, error)) == 0)
    return FALSE;
  if (!sp_rep_edit (store, rep_id, name, hired, error))
    return FALSE;

  g_print (_("Updated rep %s"), name != NULL ? g_strstrip (name) : g_strstrip (args[0]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_rep_move (SpCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autofree char *to = NULL;
  g_autofree char *date = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 rep_id, to_id;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The region the rep moves to"), N_("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The first day in the new region"),
      N_("YYYY-MM-DD") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("The rep’s region, when two reps share the name"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (missing_option (to, "--to", error) || missing_option (date, "--date", error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (rep_id = find_rep (store, args[0], region, error)) == 0
      || (to_id = find_region (store, to, error)) == 0
      || !sp_rep_move (store, rep_id, to_id, date, error))
    return FALSE;

  g_print (_("Moved %s to region %s from %s"), g_strstrip (args[0]), g_strstrip (to), date);
  g_print ("\n");
  return TRUE;
}

static gboolean
run_rep_leave (SpCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autofree char *date = NULL;
  g_autofree char *handover = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 rep_id, heir_id = 0, n_open;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The rep’s last day on the team"),
      N_("YYYY-MM-DD") },
    { "handover", 0, 0, G_OPTION_ARG_STRING, &handover,
      N_("The rep who takes over the open opportunities"), N_("NAME") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("The rep’s region, when two reps share the name"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (missing_option (date, "--date", error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (rep_id = find_rep (store, args[0], region, error)) == 0
      || (handover != NULL && (heir_id = find_rep (store, handover, NULL, error)) == 0)
      || (n_open = sp_rep_count_open_opportunities (store, rep_id, error)) < 0
      || !sp_rep_leave (store, rep_id, date, heir_id, error))
    return FALSE;

  g_print (_("%s leaves the team after %s"), g_strstrip (args[0]), date);
  g_print ("\n");
  if (n_open > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Handed %u open opportunity over to %s",
                            "Handed %u open opportunities over to %s", (gulong) n_open),
               (guint) n_open, g_strstrip (handover));
      g_print ("\n");
    }
  return TRUE;
}

static gboolean
run_rep_reactivate (SpCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 rep_id;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("The rep’s region, when two reps share the name"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (rep_id = find_rep (store, args[0], region, error)) == 0
      || !sp_rep_reactivate (store, rep_id, error))
    return FALSE;

  g_print (_("%s is back on the team"), g_strstrip (args[0]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_rep_merge (SpCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *from_region = NULL;
  g_autofree char *into_region = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 from_id, into_id;
  const GOptionEntry entries[] = {
    { "from-region", 0, 0, G_OPTION_ARG_STRING, &from_region,
      N_("The region of the rep merged away, when two reps share the name"), N_("NAME") },
    { "into-region", 0, 0, G_OPTION_ARG_STRING, &into_region,
      N_("The region of the rep that stays, when two reps share the name"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 2, 2, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (from_id = find_rep (store, args[0], from_region, error)) == 0
      || (into_id = find_rep (store, args[1], into_region, error)) == 0
      || !sp_rep_merge (store, from_id, into_id, error))
    return FALSE;

  g_print (_("Merged %s into %s"), g_strstrip (args[0]), g_strstrip (args[1]));
  g_print ("\n");
  return TRUE;
}

static void
print_reps_text (GListModel *reps)
{
  gint64 region_id = -1;

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      const char *hired = sp_rep_get_hired_on (rep);
      const char *left = sp_rep_get_left_on (rep);

      if (sp_rep_get_region_id (rep) != region_id)
        {
          region_id = sp_rep_get_region_id (rep);
          g_print ("%s\n", sp_rep_get_region_name (rep) != NULL ? sp_rep_get_region_name (rep)
                                                                 : _("No region"));
        }
      g_print ("  %s: ", sp_rep_get_name (rep));
      if (hired != NULL && left != NULL)
        g_print (_("from %s to %s"), hired, left);
      else if (hired != NULL)
        g_print (_("from %s"), hired);
      else if (left != NULL)
        g_print (_("until %s"), left);
      else
        g_print (_("on the team"));
      g_print ("\n");
    }
}

static void
print_reps_json (GListModel *reps)
{
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);

      g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"name\": ",
                              i ? "," : "", sp_rep_get_id (rep));
      sp_cli_json_string (out, sp_rep_get_name (rep));
      g_string_append (out, ", \"region\": ");
      sp_cli_json_string (out, sp_rep_get_region_name (rep));
      g_string_append (out, ", \"hired_on\": ");
      sp_cli_json_string (out, sp_rep_get_hired_on (rep));
      g_string_append (out, ", \"left_on\": ");
      sp_cli_json_string (out, sp_rep_get_left_on (rep));
      g_string_append_printf (out, ", \"active\": %s}", sp_rep_get_active (rep) ? "true" : "false");
    }
  g_string_append (out, g_list_model_get_n_items (reps) ? "\n]\n" : "]\n");
  g_print ("%s", out->str);
}

static gboolean
run_rep_list (SpCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *region = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) reps = NULL;
  gboolean help_shown, json;
  gint64 region_id = 0;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only the reps of this region"),
      N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"),
      N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_cli_parse_list_format (format, &json, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL
      || (region != NULL && (region_id = find_region (store, region, error)) == 0)
      || (reps = sp_rep_list (store, region_id, error)) == NULL)
    return FALSE;

  if (json)
    print_reps_json (reps);
  else
    print_reps_text (reps);
  return TRUE;
}

static const SpCliCommand rep_actions[] = {
  { "add", N_("NAME"), N_("Add a rep to the team"), run_rep_add },
  { "edit", N_("NAME"), N_("Rename a rep or change their hire date"), run_rep_edit },
  { "move", N_("NAME"), N_("Move a rep to another region from a date on"), run_rep_move },
  { "leave", N_("NAME"), N_("Record a rep’s last day, handing their open work over"),
    run_rep_leave },
  { "reactivate", N_("NAME"), N_("Take a former rep back on the team"), run_rep_reactivate },
  { "merge", N_("NAME INTO-NAME"), N_("Merge a rep imported twice into the other spelling"),
    run_rep_merge },
  { "list", NULL, N_("List the reps by region with the days they were on the team"),
    run_rep_list },
};

gboolean
sp_cli_run_rep (SpCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  return sp_cli_run_action (cli, rep_actions, G_N_ELEMENTS (rep_actions), argc, argv, error);
}

/* ---- region -------------------------------------------------------------------------- */

static gboolean
run_region_add (SpCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;

  if (!sp_cli_parse (cli, NULL, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || sp_region_add (store, args[0], error) == 0)
    return FALSE;
  g_print (_("Added region %s"), g_strstrip (args[0]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_region_rename (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 id;

  if (!sp_cli_parse (cli, NULL, argc, argv, 2, 2, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || (id = find_region (store, args[0], error)) == 0
      || !sp_region_rename (store, id, args[1], error))
    return FALSE;
  g_print (_("Renamed region %s to %s"), g_strstrip (args[0]), g_strstrip (args[1]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_region_remove (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 id;

  if (!sp_cli_parse (cli, NULL, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || (id = find_region (store, args[0], error)) == 0
      || !sp_region_remove (store, id, error))
    return FALSE;
  g_print (_("Removed region %s"), g_strstrip (args[0]));
  g_print ("\n");
  return TRUE;
}

static gboolean
run_region_list (SpCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *format = NULL;
  g_autofree char *on = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean help_shown, json;
  guint n;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on,
      N_("Count the reps on the team on this day (default: those on it now)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"),
      N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_cli_parse_list_format (format, &json, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || (regions = sp_region_list (store, error)) == NULL)
    return FALSE;

  n = g_list_model_get_n_items (regions);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);
      gint64 headcount = sp_region_get_rep_count (region);

      if (on != NULL
          && (headcount = sp_region_headcount_on (store, sp_region_get_id (region), on,
                                                  error)) < 0)
        return FALSE;
      if (json)
        {
          g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"name\": ",
                                  i ? "," : "", sp_region_get_id (region));
          sp_cli_json_string (out, sp_region_get_name (region));
          g_string_append_printf (out, ", \"headcount\": %" G_GINT64_FORMAT "}", headcount);
        }
      else
        {
          g_string_append_printf (out,
                                  g_dngettext (GETTEXT_PACKAGE, "%s: %u rep", "%s: %u reps",
                                               (gulong) headcount),
                                  sp_region_get_name (region), (guint) headcount);
          g_string_append_c (out, '\n');
        }
    }
  if (json)
    g_string_append (out, n ? "\n]\n" : "]\n");
  g_print ("%s", out->str);
  return TRUE;
}

static const SpCliCommand region_actions[] = {
  { "add", N_("NAME"), N_("Add a region"), run_region_add },
  { "rename", N_("NAME NEW-NAME"), N_("Rename a region"), run_region_rename },
  { "remove", N_("NAME"), N_("Remove a region that has never had reps or figures"),
    run_region_remove },
  { "list", NULL, N_("List the regions with their headcount"), run_region_list },
};

gboolean
sp_cli_run_region (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  return sp_cli_run_action (cli, region_actions, G_N_ELEMENTS (region_actions), argc, argv,
                            error);
}
