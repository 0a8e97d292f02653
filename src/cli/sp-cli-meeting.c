/* sp-cli-meeting.c — the meeting command: plan, list, agenda, add-action, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

typedef struct
{
  char     *year;
  gboolean  defaults;
  char     *type;
  char     *period;
  char     *date;
  gint64    meeting;
  char     *rep;
  char     *text;
  char     *due;
  char     *phase;
  char     *from;
  char     *to;
  char     *format;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->year);
  g_free (o->type);
  g_free (o->period);
  g_free (o->date);
  g_free (o->rep);
  g_free (o->text);
  g_free (o->due);
  g_free (o->phase);
  g_free (o->from);
  g_free (o->to);
  g_free (o->format);
}

static gboolean
parse_date (const char  *option,
            const char  *text,
            GDate       *out,
            GError     **error)
{
  if (text != NULL && sp_date_parse_iso (text, out))
    return TRUE;
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
               _("Invalid date “%s”: expected YYYY-MM-DD"), text ? text : "");
  return FALSE;
}

static gboolean
find_rep (SpStore     *store,
          const char  *name,
          gint64      *rep_id,
          GError     **error)
{
  g_autoptr(GListModel) reps = sp_rep_list (store, 0, error);

  if (reps == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);

      if (g_str_equal (sp_rep_get_name (rep), name))
        {
          *rep_id = sp_rep_get_id (rep);
          return TRUE;
        }
    }
  g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("There is no rep named “%s”"), name);
  return FALSE;
}

static gboolean
run_plan (SpStore   *store,
          Options   *o,
          GError   **error)
{
  g_autoptr(GArray) lines = NULL;
  guint added = 0;
  int year;

  if (o->defaults)
    {
      guint n;
      const SpMeetingSchedule *defaults = sp_meeting_plan_get_defaults (&n);

      for (guint i = 0; i < n; i++)
        if (sp_meeting_plan_set (store, &defaults[i], error) == 0)
          return FALSE;
    }
  if (o->year != NULL)
    {
      if (!sp_cli_parse_year ("--year", o->year, &year, error)
          || !sp_meeting_plan_generate (store, year, &added, error))
        return FALSE;
      /* Translators: "Added 322 meetings to fiscal year 2026" */
      printf (g_dngettext (GETTEXT_PACKAGE, "Added %u meeting to fiscal year %d\n",
                           "Added %u meetings to fiscal year %d\n", added), added, year);
      return TRUE;
    }

  lines = sp_meeting_plan_list (store, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const SpMeetingSchedule *l = &g_array_index (lines, SpMeetingSchedule, i);

      printf ("%s\t%s\t%02u:%02u\n", sp_meeting_kind_get_name (l->kind, 0),
              sp_meeting_cadence_get_name (l->cadence), l->hour, l->minute);
    }
  return TRUE;
}

static gboolean
run_list (SpStore   *store,
          Options   *o,
          GError   **error)
{
  g_autoptr(GListModel) meetings = NULL;
  GDate from, to;
  SpMeetingKind kind = 0;

  if ((o->from != NULL && !parse_date ("--from", o->from, &from, error))
      || (o->to != NULL && !parse_date ("--to", o->to, &to, error)))
    return FALSE;
  if (o->type != NULL && !sp_meeting_kind_from_string (o->type, &kind))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown meeting type “%s”; use morning, evening, weekly, monthly, review, "
                     "sharing, coaching or workshop"), o->type);
      return FALSE;
    }
  meetings = sp_meeting_list (store, o->from ? &from : NULL, o->to ? &to : NULL, error);
  if (meetings == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SpMeeting) m = g_list_model_get_item (meetings, i);

      if (o->type != NULL && sp_meeting_get_kind (m) != kind)
        continue;
      printf ("%" G_GINT64_FORMAT "\t%s %s\t%s\t%s\n", sp_meeting_get_id (m),
              sp_meeting_get_day (m), sp_meeting_get_time (m),
              sp_meeting_kind_to_string (sp_meeting_get_kind (m)), sp_meeting_get_title (m));
    }
  return TRUE;
}

static gboolean
run_add_action (SpStore   *store,
                Options   *o,
                GError   **error)
{
  SpActionPhase phase = SP_ACTION_PHASE_PLAN;
  gint64 rep_id = 0, id;
  GDate due;

  if (o->meeting <= 0)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--meeting");
      return FALSE;
    }
  if (o->text == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--text");
      return FALSE;
    }
  if ((o->due != NULL && !parse_date ("--due", o->due, &due, error))
      || (o->rep != NULL && !find_rep (store, o->rep, &rep_id, error)))
    return FALSE;
  if (o->phase != NULL && !sp_action_phase_from_string (o->phase, &phase))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown phase “%s”; use plan, do, check, act or done"), o->phase);
      return FALSE;
    }
  id = sp_action_item_add (store, o->meeting, rep_id, o->text, o->due ? &due : NULL, phase,
                           error);
  if (id == 0)
    return FALSE;
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: %s is the new action item's id */
    printf (_("Added action item %s\n"), number);
  }
  return TRUE;
}

static gboolean
run_export (SpStore   *store,
            Options   *o,
            GError   **error)
{
  g_autoptr(GListModel) meetings = NULL;
  GDate from, to;

  if ((o->from != NULL && !parse_date ("--from", o->from, &from, error))
      || (o->to != NULL && !parse_date ("--to", o->to, &to, error)))
    return FALSE;
  meetings = sp_meeting_list (store, o->from ? &from : NULL, o->to ? &to : NULL, error);
  if (meetings == NULL)
    return FALSE;
  {
    g_autoptr(GString) out = g_string_new (NULL);
    static const char * const header[] = { "meeting_id", "day", "time", "kind", "title", "held",
                                           "action_id", "owner", "action", "due_on", "phase" };

    sp_csv_write_row (out, header, G_N_ELEMENTS (header));
    for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
      {
        g_autoptr(SpMeeting) m = g_list_model_get_item (meetings, i);
        g_autoptr(GListModel) items = sp_action_item_list_for_meeting (store,
                                                                       sp_meeting_get_id (m),
                                                                       error);
        g_autofree char *id = NULL;
        guint n;

        if (items == NULL)
          return FALSE;
        id = g_strdup_printf ("%" G_GINT64_FORMAT, sp_meeting_get_id (m));
        n = g_list_model_get_n_items (items);
        for (guint j = 0; j < MAX (n, 1); j++)
          {
            g_autoptr(SpActionItem) a = j < n ? g_list_model_get_item (items, j) : NULL;
            g_autofree char *action_id = a ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                              sp_action_item_get_id (a)) : NULL;
            const char *fields[] = {
              id, sp_meeting_get_day (m), sp_meeting_get_time (m),
              sp_meeting_kind_to_string (sp_meeting_get_kind (m)), sp_meeting_get_title (m),
              sp_meeting_get_held (m) ? "1" : "0", action_id,
              a ? sp_action_item_get_rep_name (a) : NULL, a ? sp_action_item_get_text (a) : NULL,
              a ? sp_action_item_get_due_on (a) : NULL,
              a ? sp_action_phase_to_string (sp_action_item_get_phase (a)) : NULL,
            };

            sp_csv_write_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
    fwrite (out->str, 1, out->len, stdout);
  }
  return TRUE;
}

gboolean
sp_cli_run_meeting (SpCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  Options o = { 0 };
  g_auto(GStrv) args = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help = FALSE, ok = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year, N_("plan: generate the meetings of this fiscal year"), N_("YEAR") },
    { "defaults", 0, 0, G_OPTION_ARG_NONE, &o.defaults, N_("plan: save the usual plan first"), NULL },
    { "type", 0, 0, G_OPTION_ARG_STRING, &o.type, N_("Meeting type: morning, evening, weekly, monthly, review, sharing, coaching, workshop"), N_("TYPE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &o.period, N_("agenda of a review: quarter, half-year or year"), N_("PERIOD") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("agenda: the meeting’s day"), N_("YYYY-MM-DD") },
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &o.meeting, N_("The meeting’s id (from “meeting list”)"), N_("ID") },
    { "rep", 0, 0, G_OPTION_ARG_STRING, &o.rep, N_("add-action: the owner"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, N_("add-action: what is to be done"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &o.due, N_("add-action: the due date"), N_("YYYY-MM-DD") },
    { "phase", 0, 0, G_OPTION_ARG_STRING, &o.phase, N_("add-action: plan, do, check, act or done"), N_("PHASE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("list, export: first day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("list, export: last day"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("agenda: text (default) or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help, error))
    goto out;
  if (help)
    {
      ok = TRUE;
      goto out;
    }
  if (!g_strv_contains ((const char * const[]) { "plan", "list", "agenda", "add-action",
                                                 "export", NULL }, args[0]))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown action “%s”; use plan, list, agenda, add-action or export"),
                   args[0]);
      goto out;
    }
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    goto out;

  if (g_str_equal (args[0], "plan"))
    ok = run_plan (store, &o, error);
  else if (g_str_equal (args[0], "list"))
    ok = run_list (store, &o, error);
  else if (g_str_equal (args[0], "agenda"))
    ok = sp_cli_meeting_agenda (store, o.type, o.period, o.date, o.meeting, o.format, error);
  else if (g_str_equal (args[0], "add-action"))
    ok = run_add_action (store, &o, error);
  else
    ok = run_export (store, &o, error);

out:
  options_clear (&o);
  return ok;
}
