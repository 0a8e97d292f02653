/* sp-meeting-kind.c — the eight meeting types: names, built-in wording, the workspace's own
 * wording, and the sections each one records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-meeting-private.h"
#include "sp-store-private.h"

G_DEFINE_QUARK (sp-meeting-error-quark, sp_meeting_error)

static const char * const kind_keys[SP_MEETING_N_KINDS] = {
  "morning", "evening", "weekly", "monthly", "review", "sharing", "coaching", "workshop",
};

static const char * const review_keys[] = { "", "quarter", "half-year", "year" };

/* Timing, flow, operation and goal of each type, in our own words after the method's
 * description of the eight meetings. */
static const char * const default_texts[SP_MEETING_N_KINDS][SP_MEETING_N_TEXTS] = {
  [SP_MEETING_MORNING] = {
    N_("Every working day before the reps go out, about 15 minutes, standing."),
    N_("Yesterday’s results against what was required; today’s required activity; each rep’s plan for the day; a word of encouragement."),
    N_("The manager reads the figures from the work log, names the reps who did not log, asks each rep for today’s first visits and closes on time."),
    N_("Every rep leaves knowing today’s numbers and with energy for the day."),
  },
  [SP_MEETING_EVENING] = {
    N_("Every working day at the end of the day, 20 to 30 minutes."),
    N_("Today’s entries; reps below the required rate; problems met and help needed; tomorrow’s plans."),
    N_("Reps fill in the day’s log before the meeting; the manager goes through the gaps, hands out help and agrees tomorrow’s plan with each rep."),
    N_("No problem waits until tomorrow, and tomorrow’s work is decided today."),
  },
  [SP_MEETING_WEEKLY] = {
    N_("Once a week, at the start or end of the week, about an hour."),
    N_("The week’s totals per rep and region; the ranking; funnel movement (new, advanced, won, lost and why); open action items."),
    N_("The ranking is read out with praise for the top; each lost deal gets its reason; action items due are checked one by one."),
    N_("The team sees where the week stands against the month and fixes next week’s priorities."),
  },
  [SP_MEETING_MONTHLY] = {
    N_("Once a month, in the first days of the month, half a day."),
    N_("Attainment by region and rep; the six key success factors against last month; lost reasons; the gap to the year; next month’s focus."),
    N_("Each region lead explains the figures and causes; the team agrees measures with owners and dates."),
    N_("Problems are found from the numbers and each gets an improvement plan."),
  },
  [SP_MEETING_REVIEW] = {
    N_("At the end of each quarter, half-year and fiscal year."),
    N_("Target against result by period, region, rep and product; the target revisions; the strategy measures against what was done."),
    N_("Look back on what worked and what did not, then set the next period’s strategy and targets."),
    N_("Lessons become strategy, and the next period starts with a plan the team owns."),
  },
  [SP_MEETING_SHARING] = {
    N_("After a notable win or when a rep has found a method worth spreading."),
    N_("A presenter tells the case; the team asks questions; the take-aways are written down."),
    N_("Choose a real, recent case (a won opportunity); keep it short and concrete; end with what others will try."),
    N_("Good practice spreads from one rep to the team and the presenter is recognised."),
  },
  [SP_MEETING_COACHING] = {
    N_("When a rep’s weakest stage shows in the figures, or for a new hire."),
    N_("PESOS: prepare, explain, demonstrate, observe, supervise, for one skill of one rep."),
    N_("Pick one skill (an activity or a funnel stage), show it, watch the rep do it, then follow up in the field."),
    N_("The rep’s rate at that stage improves and stays improved."),
  },
  [SP_MEETING_WORKSHOP] = {
    N_("When the team faces a problem no single person can solve."),
    N_("State the problem; collect options; decide; name the owners."),
    N_("Everyone contributes options before any is judged; the decision and owners are recorded as action items."),
    N_("A shared decision the team carries out."),
  },
};

static const SpMeetingSection morning_sections[] = {
  { "results", N_("Yesterday’s results") },
  { "required", N_("Today’s required activity") },
  { "plans", N_("Plans for today") },
  { "missing", N_("Reps without a log") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection evening_sections[] = {
  { "entries", N_("Today’s entries") },
  { "below", N_("Below the required rate") },
  { "problems", N_("Problems and help needed") },
  { "plans", N_("Tomorrow’s plans") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection weekly_sections[] = {
  { "totals", N_("The week’s totals") },
  { "ranking", N_("Ranking") },
  { "funnel", N_("Funnel movement") },
  { "actions", N_("Open action items") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection monthly_sections[] = {
  { "attainment", N_("Attainment") },
  { "kpis", N_("Key success factors") },
  { "lost", N_("Lost reasons") },
  { "gap", N_("Gap to the year") },
  { "focus", N_("Next month’s focus") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection review_sections[] = {
  { "periods", N_("Target and result by period") },
  { "regions", N_("By region") },
  { "reps", N_("By rep") },
  { "products", N_("By product") },
  { "ogsmt", N_("Strategies and measures") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection sharing_sections[] = {
  { "topic", N_("Topic") },
  { "case", N_("The case") },
  { "takeaways", N_("Take-aways") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection coaching_sections[] = {
  { "skill", N_("Skill") },
  { "prepare", N_("Prepare") },
  { "explain", N_("Explain") },
  { "demonstrate", N_("Demonstrate") },
  { "observe", N_("Observe") },
  { "supervise", N_("Supervise") },
  { "decisions", N_("Decisions") },
};
static const SpMeetingSection workshop_sections[] = {
  { "problem", N_("Problem") },
  { "options", N_("Options") },
  { "decision", N_("Decision") },
  { "owners", N_("Owners") },
};

const char *
sp_meeting_kind_to_string (SpMeetingKind kind)
{
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, NULL);
  return kind_keys[kind];
}

gboolean
sp_meeting_kind_from_string (const char    *text,
                             SpMeetingKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < SP_MEETING_N_KINDS; i++)
    if (g_str_equal (text, kind_keys[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_meeting_review_to_string (SpMeetingReviewPeriod period)
{
  g_return_val_if_fail (period <= SP_MEETING_REVIEW_YEAR, NULL);
  return review_keys[period];
}

gboolean
sp_meeting_review_from_string (const char            *text,
                               SpMeetingReviewPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (review_keys); i++)
    if (g_str_equal (text, review_keys[i]))
      {
        *period = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_meeting_kind_get_name (SpMeetingKind         kind,
                          SpMeetingReviewPeriod period)
{
  switch (kind)
    {
    case SP_MEETING_MORNING:
      return _("Morning meeting");
    case SP_MEETING_EVENING:
      return _("Evening meeting");
    case SP_MEETING_WEEKLY:
      return _("Weekly meeting");
    case SP_MEETING_MONTHLY:
      return _("Monthly business review");
    case SP_MEETING_REVIEW:
      switch (period)
        {
        case SP_MEETING_REVIEW_QUARTER:
          return _("Quarterly review");
        case SP_MEETING_REVIEW_HALF_YEAR:
          return _("Half-year review");
        case SP_MEETING_REVIEW_YEAR:
          return _("Annual review");
        case SP_MEETING_REVIEW_NONE:
        default:
          return _("Quarterly, half-year and annual review");
        }
    case SP_MEETING_SHARING:
      return _("Sharing session");
    case SP_MEETING_COACHING:
      return _("Coaching session");
    case SP_MEETING_WORKSHOP:
      return _("Workshop");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sp_meeting_kind_is_motivation (SpMeetingKind kind)
{
  return kind == SP_MEETING_SHARING || kind == SP_MEETING_COACHING
         || kind == SP_MEETING_WORKSHOP;
}

const char *
sp_meeting_text_get_label (SpMeetingText text)
{
  switch (text)
    {
    case SP_MEETING_TEXT_TIMING:
      return _("Timing");
    case SP_MEETING_TEXT_FLOW:
      return _("Flow");
    case SP_MEETING_TEXT_OPERATION:
      return _("Operation");
    case SP_MEETING_TEXT_GOAL:
      return _("Goal");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sp_meeting_text_get_default (SpMeetingKind kind,
                             SpMeetingText text)
{
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, NULL);
  g_return_val_if_fail (text < SP_MEETING_N_TEXTS, NULL);

  return _(default_texts[kind][text]);
}

static const char * const text_columns[SP_MEETING_N_TEXTS] = {
  "timing", "flow", "operation", "goal",
};

char *
sp_meeting_dup_text (SpStore       *store,
                     SpMeetingKind  kind,
                     SpMeetingText  text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, NULL);
  g_return_val_if_fail (text < SP_MEETING_N_TEXTS, NULL);

  /* The column name is one of ours, never input. */
  sql = g_strdup_printf ("SELECT %s FROM meeting_template WHERE kind = ?", text_columns[text]);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, kind_keys[kind], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }

  return g_strdup (sp_meeting_text_get_default (kind, text));
}

gboolean
sp_meeting_set_text (SpStore        *store,
                     SpMeetingKind   kind,
                     SpMeetingText   text,
                     const char     *value,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *current = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, FALSE);
  g_return_val_if_fail (text < SP_MEETING_N_TEXTS, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }
  trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
  if (trimmed != NULL && (*trimmed == '\0'
                          || g_str_equal (trimmed, sp_meeting_text_get_default (kind, text))))
    g_clear_pointer (&trimmed, g_free);
  current = sp_meeting_dup_text (store, kind, text);
  if (g_strcmp0 (current, trimmed != NULL ? trimmed
                 : sp_meeting_text_get_default (kind, text)) == 0)
    return TRUE;

  db = sp_store_get_db (store);
  if (!sp_store_begin_edit (store, _("Edit meeting type"), error))
    return FALSE;

  sql = g_strdup_printf ("INSERT INTO meeting_template (kind, %s) VALUES (?1, ?2) "
                         "ON CONFLICT (kind) DO UPDATE SET %s = ?2",
                         text_columns[text], text_columns[text]);
  stmt = sp_sql_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, kind_keys[kind], -1, SQLITE_STATIC);
  if (trimmed != NULL)
    sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not save the meeting type"));
      goto fail;
    }

  return sp_store_commit_edit (store, error);

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

const SpMeetingSection *
sp_meeting_kind_get_sections (SpMeetingKind  kind,
                              guint         *n_sections)
{
  static SpMeetingSection translated[SP_MEETING_N_KINDS][8];
  static gsize initialized = 0;
  static const struct { const SpMeetingSection *sections; guint n; } all[SP_MEETING_N_KINDS] = {
    { morning_sections, G_N_ELEMENTS (morning_sections) },
    { evening_sections, G_N_ELEMENTS (evening_sections) },
    { weekly_sections, G_N_ELEMENTS (weekly_sections) },
    { monthly_sections, G_N_ELEMENTS (monthly_sections) },
    { review_sections, G_N_ELEMENTS (review_sections) },
    { sharing_sections, G_N_ELEMENTS (sharing_sections) },
    { coaching_sections, G_N_ELEMENTS (coaching_sections) },
    { workshop_sections, G_N_ELEMENTS (workshop_sections) },
  };

  g_return_val_if_fail (kind < SP_MEETING_N_KINDS, NULL);
  g_return_val_if_fail (n_sections != NULL, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint k = 0; k < SP_MEETING_N_KINDS; k++)
        for (guint i = 0; i < all[k].n; i++)
          {
            g_assert (i < G_N_ELEMENTS (translated[k]));
            translated[k][i].key = all[k].sections[i].key;
            translated[k][i].label = _(all[k].sections[i].label);
          }
      g_once_init_leave (&initialized, 1);
    }

  *n_sections = all[kind].n;
  return translated[kind];
}
