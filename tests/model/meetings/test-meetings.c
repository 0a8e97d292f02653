/* test-meetings.c — meeting types, the meeting plan, agendas on crafted data, action items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Workspace;

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  ws->dir = sp_test_make_dir ();
  ws->path = g_build_filename (ws->dir, "workspace.db", NULL);
  ws->store = sp_store_open (ws->path, &error);
  g_assert_no_error (error);
}

static void
workspace_close (Workspace *ws)
{
  g_clear_object (&ws->store);
  sp_test_remove_tree (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
  g_clear_pointer (&ws->path, g_free);
}

static void
exec_sql (Workspace  *ws,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (ws->store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (ws->store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (ws->store, &error));
}

static GDate
date (int y, int m, int d)
{
  GDate out;

  g_date_clear (&out, 1);
  g_date_set_dmy (&out, d, m, y);
  return out;
}

static void
test_kinds (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;
  SpMeetingKind kind;
  const SpMeetingSection *sections;
  guint n;

  workspace_open (&ws);
  for (guint k = 0; k < SP_MEETING_N_KINDS; k++)
    {
      g_assert_true (sp_meeting_kind_from_string (sp_meeting_kind_to_string (k), &kind));
      g_assert_cmpuint (kind, ==, k);
      for (guint t = 0; t < SP_MEETING_N_TEXTS; t++)
        g_assert_cmpuint (strlen (sp_meeting_text_get_default (k, t)), >, 10);
    }
  g_assert_false (sp_meeting_kind_from_string ("brunch", &kind));
  g_assert_cmpstr (sp_meeting_kind_get_name (SP_MEETING_REVIEW, SP_MEETING_REVIEW_YEAR), ==,
                   "Annual review");
  sections = sp_meeting_kind_get_sections (SP_MEETING_COACHING, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (sections[1].key, ==, "prepare");
  g_assert_cmpstr (sections[5].key, ==, "supervise");

  /* Editable per workspace, undoable, and back to the built-in. */
  g_assert_true (sp_meeting_set_text (ws.store, SP_MEETING_MORNING, SP_MEETING_TEXT_TIMING,
                                      "每天 8:30，15 分钟 ", &error));
  g_assert_no_error (error);
  text = sp_meeting_dup_text (ws.store, SP_MEETING_MORNING, SP_MEETING_TEXT_TIMING);
  g_assert_cmpstr (text, ==, "每天 8:30，15 分钟");
  g_assert_true (sp_store_undo (ws.store, &error));
  back = sp_meeting_dup_text (ws.store, SP_MEETING_MORNING, SP_MEETING_TEXT_TIMING);
  g_assert_cmpstr (back, ==, sp_meeting_text_get_default (SP_MEETING_MORNING,
                                                          SP_MEETING_TEXT_TIMING));
  workspace_close (&ws);
}

/* FY2026 starting in April (2026-04-01 … 2027-03-31), Monday to Friday, with May Day, the
 * National Day week and New Year off. */
static void
test_plan_generation (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreferences) prefs = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GListModel) meetings = NULL;
  static const int holidays[][3] = { { 2026, 5, 1 }, { 2026, 10, 1 }, { 2026, 10, 2 },
                                     { 2026, 10, 3 }, { 2026, 10, 4 }, { 2026, 10, 5 },
                                     { 2026, 10, 6 }, { 2026, 10, 7 }, { 2027, 1, 1 } };
  static const char * const monthly[] = { "2026-04-01", "2026-05-04", "2026-06-01",
    "2026-07-01", "2026-08-03", "2026-09-01", "2026-10-08", "2026-11-02", "2026-12-01",
    "2027-01-04", "2027-02-01", "2027-03-01" };
  const SpMeetingSchedule *defaults;
  guint n_defaults, n_added = 0, n_monthly = 0, n_weekly = 0, n_morning = 0;
  guint n_reviews = 0;
  GString *reviews = g_string_new (NULL);

  workspace_open (&ws);
  prefs = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_fiscal_start_month (prefs, G_DATE_APRIL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate d = date (holidays[i][0], holidays[i][1], holidays[i][2]);
      g_assert_true (sp_preferences_add_holiday (prefs, &d, "假日", &error));
    }
  /* The default plan without the evening meeting. */
  defaults = sp_meeting_plan_get_defaults (&n_defaults);
  for (guint i = 0; i < n_defaults; i++)
    if (defaults[i].kind != SP_MEETING_EVENING)
      g_assert_cmpint (sp_meeting_plan_set (ws.store, &defaults[i], &error), >, 0);
  g_assert_no_error (error);
  lines = sp_meeting_plan_list (ws.store, &error);
  g_assert_cmpuint (lines->len, ==, 6);
  g_assert_cmpuint (g_array_index (lines, SpMeetingSchedule, 0).kind, ==, SP_MEETING_MORNING);
  g_assert_cmpuint (g_array_index (lines, SpMeetingSchedule, 5).cadence, ==,
                    SP_MEETING_CADENCE_YEARLY);

  g_assert_true (sp_meeting_plan_generate (ws.store, 2026, &n_added, &error));
  g_assert_no_error (error);
  /* 254 working days, 52 weekly (the week of 2026-10-05 meets on Thursday 10-08; the week of
   * 2026-03-30 meets before the year starts), 12 monthly, 4 reviews. */
  g_assert_cmpuint (n_added, ==, 254 + 52 + 12 + 4);
  meetings = sp_meeting_list (ws.store, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, n_added);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SpMeeting) m = g_list_model_get_item (meetings, i);

      switch (sp_meeting_get_kind (m))
        {
        case SP_MEETING_MORNING:
          g_assert_cmpstr (sp_meeting_get_time (m), ==, "08:30");
          g_assert_cmpstr (sp_meeting_get_day (m), !=, "2026-10-08" "x");
          n_morning++;
          break;
        case SP_MEETING_WEEKLY:
          if (g_str_equal (sp_meeting_get_day (m), "2026-10-08"))
            g_assert_cmpstr (sp_meeting_get_title (m), ==, "Weekly meeting");
          n_weekly++;
          break;
        case SP_MEETING_MONTHLY:
          g_assert_cmpstr (sp_meeting_get_day (m), ==, monthly[n_monthly]);
          n_monthly++;
          break;
        case SP_MEETING_REVIEW:
          g_string_append_printf (reviews, "%s %s;", sp_meeting_get_day (m),
                                  sp_meeting_review_to_string (sp_meeting_get_review_period (m)));
          n_reviews++;
          break;
        case SP_MEETING_EVENING:
        case SP_MEETING_SHARING:
        case SP_MEETING_COACHING:
        case SP_MEETING_WORKSHOP:
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_morning, ==, 254);
  g_assert_cmpuint (n_weekly, ==, 52);
  g_assert_cmpuint (n_monthly, ==, 12);
  g_assert_cmpstr (reviews->str, ==, "2026-06-30 quarter;2026-09-30 half-year;"
                                     "2026-12-31 quarter;2027-03-31 year;");
  g_string_free (reviews, TRUE);

  /* Bad lines are refused; a line of the same kind and cadence replaces the old one. */
  {
    SpMeetingSchedule bad = { 0, SP_MEETING_WEEKLY, SP_MEETING_CADENCE_WEEKLY, 0, 0, FALSE, 9, 0 };
    SpMeetingSchedule late = { 0, SP_MEETING_MONTHLY, SP_MEETING_CADENCE_MONTHLY, 0, 32, FALSE,
                               14, 0 };
    SpMeetingSchedule friday = { 0, SP_MEETING_WEEKLY, SP_MEETING_CADENCE_WEEKLY, G_DATE_FRIDAY,
                                 0, FALSE, 16, 30 };
    g_autoptr(GArray) after = NULL;

    g_assert_cmpint (sp_meeting_plan_set (ws.store, &bad, &error), ==, 0);
    g_assert_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (sp_meeting_plan_set (ws.store, &late, &error), ==, 0);
    g_assert_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (sp_meeting_plan_set (ws.store, &friday, &error), ==,
                     g_array_index (lines, SpMeetingSchedule, 1).id);
    after = sp_meeting_plan_list (ws.store, &error);
    g_assert_cmpuint (after->len, ==, 6);
    g_assert_cmpuint (g_array_index (after, SpMeetingSchedule, 1).weekday, ==, G_DATE_FRIDAY);
    g_assert_cmpuint (g_array_index (after, SpMeetingSchedule, 1).hour, ==, 16);
    g_assert_true (sp_store_undo (ws.store, &error));
  }

  /* Again: nothing new; one undo removes the whole year. */
  g_assert_true (sp_meeting_plan_generate (ws.store, 2026, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_true (sp_store_undo (ws.store, &error));
  g_clear_object (&meetings);
  meetings = sp_meeting_list (ws.store, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);
  workspace_close (&ws);
}

/* Without a plan of its own the workspace gets the usual plan's meetings (morning and
 * evening on 254 working days, 52 weekly, 12 monthly, 4 reviews) in one undoable edit, and
 * the plan stays empty; with a plan, its own lines are used. */
static void
test_plan_defaults (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreferences) prefs = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GListModel) meetings = NULL;
  static const int holidays[][3] = { { 2026, 5, 1 }, { 2026, 10, 1 }, { 2026, 10, 2 },
                                     { 2026, 10, 3 }, { 2026, 10, 4 }, { 2026, 10, 5 },
                                     { 2026, 10, 6 }, { 2026, 10, 7 }, { 2027, 1, 1 } };
  const SpMeetingSchedule *defaults;
  guint n_defaults, n_added = 0;

  workspace_open (&ws);
  prefs = sp_preferences_new (ws.store);
  g_assert_true (sp_preferences_set_fiscal_start_month (prefs, G_DATE_APRIL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate d = date (holidays[i][0], holidays[i][1], holidays[i][2]);
      g_assert_true (sp_preferences_add_holiday (prefs, &d, "假日", &error));
    }

  g_assert_true (sp_meeting_plan_generate_or_defaults (ws.store, 2026, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 254 * 2 + 52 + 12 + 4);
  lines = sp_meeting_plan_list (ws.store, &error);
  g_assert_cmpuint (lines->len, ==, 0);
  g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Plan the year’s meetings");
  g_assert_true (sp_store_undo (ws.store, &error));
  meetings = sp_meeting_list (ws.store, NULL, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);

  /* A plan of its own: only the weekly meeting. */
  defaults = sp_meeting_plan_get_defaults (&n_defaults);
  for (guint i = 0; i < n_defaults; i++)
    if (defaults[i].kind == SP_MEETING_WEEKLY)
      g_assert_cmpint (sp_meeting_plan_set (ws.store, &defaults[i], &error), >, 0);
  g_assert_true (sp_meeting_plan_generate_or_defaults (ws.store, 2026, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 52);
  workspace_close (&ws);
}

/* Four reps in two regions; 20 working days of history (2026-02-16 … 03-13) at 10 prospects,
 * 5 appointments, 4 presentations, 2 objections, 1 close, 1 order of 100.00 a day, which
 * gives rates 1/2, 4/5, 1/2, 1/2 and an order value of 100.00. FY2026's target 1,044,000.00
 * over 261 working days and 4 reps gives each rep 22,000.00 in March (22 working days):
 * 220 orders, so per day 100 prospects, 50 appointments, 40 presentations, 20 objections,
 * 10 closes. */
static void
fill_team (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  GDate day = date (2026, 2, 16);
  GDate end = date (2026, 3, 13);

  exec_sql (ws, "INSERT INTO region (id, name, position) VALUES (1, 'East', 1), (2, 'South', 2);"
                "INSERT INTO rep (id, name, region_id) VALUES (1, 'Alice', 1), (2, 'Bob', 1),"
                " (3, 'Carol', 2), (4, 'Dan', 2);"
                "INSERT INTO plan (id, fiscal_year, target) VALUES (1, 2026, 104400000);");
  for (; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        continue;
      for (gint64 rep = 1; rep <= 3; rep++)
        {
          g_auto(SpWorklogEntry) entry = { 0 };

          sp_worklog_entry_init (&entry, rep, &day);
          entry.values[SP_WORKLOG_FIELD_PROSPECTS] = 10;
          entry.values[SP_WORKLOG_FIELD_APPOINTMENTS] = 5;
          entry.values[SP_WORKLOG_FIELD_PRESENTATIONS] = 4;
          entry.values[SP_WORKLOG_FIELD_OBJECTIONS] = 2;
          entry.values[SP_WORKLOG_FIELD_CLOSES] = 1;
          entry.values[SP_WORKLOG_FIELD_ORDERS] = 1;
          entry.values[SP_WORKLOG_FIELD_REVENUE] = 10000;
          g_assert_true (sp_worklog_set_entry (ws->store, &entry, &error));
        }
    }
  /* Monday 03-16: Alice as usual with notes, Bob ten times as much, Carol and Dan nothing. */
  exec_sql (ws, "INSERT INTO worklog_entry (rep_id, day, prospects, appointments, presentations,"
                " objections, closes, orders, revenue, problems, help_needed, tomorrow_plan)"
                " VALUES (1, '2026-03-16', 10, 5, 4, 2, 1, 1, 10000, '客户嫌价格高',"
                " '需要经理陪访', '拜访华为'),"
                " (2, '2026-03-16', 100, 50, 40, 20, 10, 10, 100000, '', '', '');"
                "UPDATE worklog_entry SET tomorrow_plan = '整理报价' WHERE rep_id = 3"
                " AND day = '2026-03-13';");
}

static void
assert_required (const gint64 *required)
{
  static const gint64 expected[SP_WORKLOAD_N_STAGES] = { 100, 50, 40, 20, 10 };

  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    g_assert_cmpint (required[s], ==, expected[s]);
}

static void
test_morning (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate tuesday = date (2026, 3, 17);
  const SpAgendaRepDay *alice, *bob, *carol, *dan;
  g_autofree char *first = NULL;

  workspace_open (&ws);
  fill_team (&ws);
  agenda = sp_meeting_agenda_compute (ws.store, SP_MEETING_MORNING, SP_MEETING_REVIEW_NONE,
                                      &tuesday, &error);
  g_assert_no_error (error);
  first = sp_date_format_iso (&agenda->first);
  g_assert_cmpstr (first, ==, "2026-03-16");
  g_assert_cmpuint (agenda->reps->len, ==, 4);
  alice = g_ptr_array_index (agenda->reps, 0);
  bob = g_ptr_array_index (agenda->reps, 1);
  carol = g_ptr_array_index (agenda->reps, 2);
  dan = g_ptr_array_index (agenda->reps, 3);
  g_assert_cmpstr (alice->rep_name, ==, "Alice");
  g_assert_cmpstr (alice->region_name, ==, "East");
  g_assert_cmpstr (dan->rep_name, ==, "Dan");

  g_assert_true (alice->logged);
  g_assert_cmpint (alice->activities[SP_WORKLOAD_PROSPECTS], ==, 10);
  g_assert_cmpint (alice->orders, ==, 1);
  g_assert_cmpint (alice->revenue, ==, 10000);
  g_assert_true (alice->has_required);
  assert_required (alice->required);
  assert_required (alice->required_today);
  g_assert_cmpuint (alice->below, ==, 0x1f);
  g_assert_cmpstr (alice->plan, ==, "拜访华为");

  g_assert_cmpint (bob->activities[SP_WORKLOAD_CLOSES], ==, 10);
  g_assert_cmpint (bob->revenue, ==, 100000);
  g_assert_cmpuint (bob->below, ==, 0);
  g_assert_cmpstr (bob->plan, ==, "");

  /* No log yesterday: listed, zeros, below everywhere, the plan of their last entry. */
  g_assert_false (carol->logged);
  g_assert_cmpint (carol->revenue, ==, 0);
  g_assert_cmpuint (carol->below, ==, 0x1f);
  g_assert_cmpstr (carol->plan, ==, "整理报价");
  /* Dan never logged: the team's rates give his requirement. */
  g_assert_false (dan->logged);
  g_assert_true (dan->has_required);
  assert_required (dan->required_today);
  g_assert_cmpstr (dan->plan, ==, "");
  workspace_close (&ws);
}

static void
test_evening (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate monday = date (2026, 3, 16);
  const SpAgendaRepDay *alice, *bob;

  workspace_open (&ws);
  fill_team (&ws);
  agenda = sp_meeting_agenda_compute (ws.store, SP_MEETING_EVENING, SP_MEETING_REVIEW_NONE,
                                      &monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->reps->len, ==, 4);
  alice = g_ptr_array_index (agenda->reps, 0);
  bob = g_ptr_array_index (agenda->reps, 1);
  g_assert_cmpstr (alice->problems, ==, "客户嫌价格高");
  g_assert_cmpstr (alice->help_needed, ==, "需要经理陪访");
  g_assert_cmpstr (alice->plan, ==, "拜访华为");
  /* Month to date (11 working days): Alice 110 prospects < 1100; Bob 200 < 1100. */
  g_assert_cmpuint (alice->below, ==, 0x1f);
  g_assert_cmpuint (bob->below, ==, 0x1f);
  g_assert_cmpint (bob->activities[SP_WORKLOAD_APPOINTMENTS], ==, 50);
  workspace_close (&ws);
}

static void
test_empty_team (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  GDate day = date (2026, 3, 17);

  workspace_open (&ws);
  for (guint k = 0; k < SP_MEETING_N_KINDS; k++)
    {
      g_autoptr(SpMeetingAgenda) agenda = sp_meeting_agenda_compute (ws.store, k,
                                                                     SP_MEETING_REVIEW_NONE,
                                                                     &day, &error);
      g_assert_no_error (error);
      g_assert_nonnull (agenda);
      if (agenda->reps != NULL)
        g_assert_cmpuint (agenda->reps->len, ==, 0);
      if (agenda->rep_ranking != NULL)
        g_assert_cmpuint (agenda->rep_ranking->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (agenda->open_actions), ==, 0);
    }
  workspace_close (&ws);
}

/* The week 2026-03-30 … 04-05 straddles March and April. Month cells of 31.00 a day for
 * March (3100 over 31 days) and April (3000 over 30) give each rep 7 days × 1.00 = 7.00
 * (Eve twice that); the regions the same. */
static void
test_weekly (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate monday = date (2026, 4, 6);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GString *order = g_string_new (NULL);
  static const char *expected_order = "1 Carol 700/700;2 Eve 700/1400;3 Alice 350/700;"
                                      "3 Bob 350/700;5 Dan 0/0;";

  workspace_open (&ws);
  exec_sql (&ws,
    "INSERT INTO region (id, name, position) VALUES (1, 'East', 1), (2, 'South', 2);"
    "INSERT INTO rep (id, name, region_id) VALUES (1, 'Alice', 1), (2, 'Bob', 1),"
    " (3, 'Carol', 2), (4, 'Dan', 2), (5, 'Eve', 1);"
    "INSERT INTO plan (id, fiscal_year, target) VALUES (1, 2026, 1000000);"
    "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
    " VALUES (1, 'month', '2026-03-01', 'rep', 1, 3100), (1, 'month', '2026-04-01', 'rep', 1, 3000),"
    " (1, 'month', '2026-03-01', 'rep', 2, 3100), (1, 'month', '2026-04-01', 'rep', 2, 3000),"
    " (1, 'month', '2026-03-01', 'rep', 3, 3100), (1, 'month', '2026-04-01', 'rep', 3, 3000),"
    " (1, 'month', '2026-03-01', 'rep', 5, 6200), (1, 'month', '2026-04-01', 'rep', 5, 6000),"
    " (1, 'month', '2026-03-01', 'region', 1, 6200), (1, 'month', '2026-04-01', 'region', 1, 6000),"
    " (1, 'month', '2026-03-01', 'region', 2, 3100), (1, 'month', '2026-04-01', 'region', 2, 3000);"
    "INSERT INTO worklog_entry (rep_id, day, prospects, orders, revenue) VALUES"
    " (1, '2026-03-31', 3, 1, 350), (2, '2026-04-01', 4, 1, 350), (3, '2026-04-02', 5, 2, 700),"
    " (5, '2026-03-30', 6, 2, 700), (5, '2026-03-27', 9, 9, 99999);"
    "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
    " (1, 'Lead', 1, 10, 'open'), (2, 'Qualified', 2, 30, 'open'), (3, 'Won', 3, 100, 'won'),"
    " (4, 'Lost', 4, 0, 'lost');"
    "INSERT INTO opportunity (id, title, rep_id, stage_id, amount, created_on, closed_on, lost_reason)"
    " VALUES (1, 'New one', 1, 1, 1000, '2026-03-30', NULL, ''),"
    " (2, 'Moving', 2, 2, 2000, '2026-03-01', NULL, ''),"
    " (3, 'Big win', 3, 3, 5000, '2026-03-01', '2026-04-02', ''),"
    " (4, 'Gone', 5, 4, 2000, '2026-03-02', '2026-03-31', '价格'),"
    " (5, 'Later', 5, 4, 900, '2026-03-20', '2026-04-06', '竞争');"
    "INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_on) VALUES"
    " (1, 1, '2026-03-30'), (2, 1, '2026-03-01'), (2, 2, '2026-04-01'),"
    " (3, 1, '2026-03-01'), (3, 3, '2026-04-02'), (4, 1, '2026-03-02'), (4, 4, '2026-03-31');");

  agenda = sp_meeting_agenda_compute (ws.store, SP_MEETING_WEEKLY,
                                      SP_MEETING_REVIEW_NONE, &monday, &error);
  g_assert_no_error (error);
  first = sp_date_format_iso (&agenda->first);
  last = sp_date_format_iso (&agenda->last);
  g_assert_cmpstr (first, ==, "2026-03-30");
  g_assert_cmpstr (last, ==, "2026-04-05");

  for (guint i = 0; i < agenda->rep_ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (agenda->rep_ranking, i);
      g_string_append_printf (order, "%u %s %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ";",
                              r->rank, r->name, r->actual, r->target);
    }
  g_assert_cmpstr (order->str, ==, expected_order);
  g_string_truncate (order, 0);
  for (guint i = 0; i < agenda->region_ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (agenda->region_ranking, i);
      g_string_append_printf (order, "%u %s %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ";",
                              r->rank, r->name, r->actual, r->target);
    }
  /* Both at 100%: East first by amount. */
  g_assert_cmpstr (order->str, ==, "1 East 1400/1400;2 South 700/700;");

  g_string_truncate (order, 0);
  for (guint i = 0; i < agenda->rep_totals->len; i++)
    {
      const SpAgendaTotal *t = g_ptr_array_index (agenda->rep_totals, i);
      g_string_append_printf (order, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ";", t->name,
                              t->summary.totals[SP_WORKLOG_FIELD_PROSPECTS],
                              t->summary.totals[SP_WORKLOG_FIELD_REVENUE]);
    }
  g_assert_cmpstr (order->str, ==, "Alice 3 350;Bob 4 350;Carol 5 700;Eve 6 700;");
  g_string_truncate (order, 0);
  for (guint i = 0; i < agenda->region_totals->len; i++)
    {
      const SpAgendaTotal *t = g_ptr_array_index (agenda->region_totals, i);
      g_string_append_printf (order, "%s %" G_GINT64_FORMAT ";", t->name,
                              t->summary.totals[SP_WORKLOG_FIELD_REVENUE]);
    }
  g_assert_cmpstr (order->str, ==, "East 1400;South 700;");

  g_assert_cmpuint (agenda->new_deals->len, ==, 1);
  g_assert_cmpstr (((SpAgendaDeal *) agenda->new_deals->pdata[0])->title, ==, "New one");
  g_assert_cmpuint (agenda->advanced_deals->len, ==, 1);
  g_assert_cmpstr (((SpAgendaDeal *) agenda->advanced_deals->pdata[0])->title, ==, "Moving");
  g_assert_cmpstr (((SpAgendaDeal *) agenda->advanced_deals->pdata[0])->stage, ==, "Qualified");
  g_assert_cmpuint (agenda->won_deals->len, ==, 1);
  g_assert_cmpint (((SpAgendaDeal *) agenda->won_deals->pdata[0])->amount, ==, 5000);
  g_assert_cmpuint (agenda->lost_deals->len, ==, 1);
  g_assert_cmpstr (((SpAgendaDeal *) agenda->lost_deals->pdata[0])->lost_reason, ==, "价格");
  g_assert_cmpstr (((SpAgendaDeal *) agenda->lost_deals->pdata[0])->rep_name, ==, "Eve");

  g_string_free (order, TRUE);
  workspace_close (&ws);
}

static char *
describe_items (GListModel *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SpActionItem) item = g_list_model_get_item (items, i);
      g_string_append_printf (out, "%s;", sp_action_item_get_text (item));
    }
  return g_string_free (out, FALSE);
}

static void
test_actions_carry_over (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  GDate d1 = date (2026, 3, 2), d2 = date (2026, 3, 9), d3 = date (2026, 3, 16);
  GDate due1 = date (2026, 3, 5), due3 = date (2026, 3, 20), today = date (2026, 3, 18);
  gint64 m1, m2, m3, a1, a3;

  workspace_open (&ws);
  exec_sql (&ws, "INSERT INTO rep (id, name) VALUES (1, 'Alice');");
  m1 = sp_meeting_add (ws.store, SP_MEETING_WEEKLY, 0, &d1, "09:00", NULL, &error);
  m2 = sp_meeting_add (ws.store, SP_MEETING_WEEKLY, 0, &d2, "9:00", "周例会", &error);
  m3 = sp_meeting_add (ws.store, SP_MEETING_WEEKLY, 0, &d3, "09:00", NULL, &error);
  g_assert_no_error (error);
  a1 = sp_action_item_add (ws.store, m1, 1, "Call back", &due1, SP_ACTION_PHASE_PLAN, &error);
  g_assert_cmpint (sp_action_item_add (ws.store, m1, 0, "Finished", NULL, SP_ACTION_PHASE_DONE,
                                       &error), >, 0);
  a3 = sp_action_item_add (ws.store, m2, 1, "Quote", &due3, SP_ACTION_PHASE_DO, &error);
  g_assert_no_error (error);

  /* Bad input changes nothing. */
  g_assert_cmpint (sp_action_item_add (ws.store, m1, 99, "x", NULL, 0, &error), ==, 0);
  g_assert_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sp_action_item_add (ws.store, m1, 1, "  ", NULL, 0, &error), ==, 0);
  g_assert_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sp_meeting_add (ws.store, SP_MEETING_WEEKLY, 0, &d1, "25:00", NULL, &error),
                   ==, 0);
  g_clear_error (&error);

  {
    g_autoptr(GListModel) c2 = sp_action_item_list_carried (ws.store, m2, &error);
    g_autoptr(GListModel) c3 = sp_action_item_list_carried (ws.store, m3, &error);
    g_autoptr(GListModel) overdue = sp_action_item_list_overdue (ws.store, &today, &error);
    g_autofree char *s2 = describe_items (c2);
    g_autofree char *s3 = describe_items (c3);
    g_autofree char *so = describe_items (overdue);
    g_autoptr(SpActionItem) first = g_list_model_get_item (c3, 0);

    g_assert_cmpstr (s2, ==, "Call back;");
    g_assert_cmpstr (s3, ==, "Call back;Quote;");
    g_assert_cmpstr (so, ==, "Call back;");
    g_assert_cmpstr (sp_action_item_get_rep_name (first), ==, "Alice");
    g_assert_true (sp_action_item_is_overdue (first, &today));
  }

  g_assert_true (sp_action_item_set_phase (ws.store, a1, SP_ACTION_PHASE_DONE, &error));
  {
    g_autoptr(GListModel) c3 = sp_action_item_list_carried (ws.store, m3, &error);
    g_autofree char *s3 = describe_items (c3);
    g_assert_cmpstr (s3, ==, "Quote;");
  }
  g_assert_cmpstr (sp_store_get_undo_label (ws.store), ==, "Edit action item");
  g_assert_true (sp_store_undo (ws.store, &error));
  {
    g_autoptr(SpMeetingAgenda) agenda = sp_meeting_agenda_for_meeting (ws.store, m3, &error);
    g_autofree char *s3 = describe_items (agenda->open_actions);
    g_assert_cmpstr (s3, ==, "Call back;Quote;");
  }

  /* Minutes per section, attendees, held: each undoable. */
  {
    gint64 attendees[] = { 1 };
    g_autoptr(GArray) back = NULL;
    g_autofree char *note = NULL;
    g_autofree char *empty = NULL;
    g_autoptr(SpMeeting) m = NULL;

    g_assert_true (sp_meeting_set_note (ws.store, m3, "ranking", "东区第一", &error));
    g_assert_true (sp_meeting_set_attendees (ws.store, m3, attendees, 1, &error));
    g_assert_true (sp_meeting_set_held (ws.store, m3, TRUE, &error));
    g_assert_no_error (error);
    note = sp_meeting_dup_note (ws.store, m3, "ranking", &error);
    g_assert_cmpstr (note, ==, "东区第一");
    back = sp_meeting_list_attendees (ws.store, m3, &error);
    g_assert_cmpuint (back->len, ==, 1);
    m = sp_meeting_get (ws.store, m2, &error);
    g_assert_cmpstr (sp_meeting_get_title (m), ==, "周例会");
    g_assert_cmpstr (sp_meeting_get_time (m), ==, "09:00");
    g_assert_true (sp_store_undo (ws.store, &error));
    g_assert_true (sp_store_undo (ws.store, &error));
    g_assert_true (sp_store_undo (ws.store, &error));
    empty = sp_meeting_dup_note (ws.store, m3, "ranking", &error);
    g_assert_cmpstr (empty, ==, "");
  }
  (void) a3;
  workspace_close (&ws);
}

/* March 2026: Alice (East) 8.00 of 10.00, Bob (South) 10.00 of 10.00; FY2026's target
 * 3,650.00 makes the team's March 310.00; one won and three lost deals in March, one won in
 * February. */
static void
fill_month (Workspace *ws)
{
  exec_sql (ws,
    "INSERT INTO region (id, name, position) VALUES (1, 'East', 1), (2, 'South', 2);"
    "INSERT INTO rep (id, name, region_id) VALUES (1, 'Alice', 1), (2, 'Bob', 2);"
    "INSERT INTO product (id, name) VALUES (1, '旗舰版');"
    "INSERT INTO plan (id, fiscal_year, target) VALUES (1, 2026, 365000);"
    "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
    " VALUES (1, 'month', '2026-03-01', 'rep', 1, 1000), (1, 'month', '2026-03-01', 'rep', 2, 1000),"
    " (1, 'month', '2026-03-01', 'region', 1, 1000), (1, 'month', '2026-03-01', 'region', 2, 1000),"
    " (1, 'month', '2026-02-01', 'product', 1, 2500), (1, 'month', '2026-03-01', 'product', 1, 2500),"
    " (1, 'month', '2026-04-01', 'product', 1, 9999);"
    "INSERT INTO ogsmt_item (plan_id, kind, position, text, target_value, deadline) VALUES"
    " (1, 'objective', 0, '做强华东', NULL, NULL), (1, 'goal', 0, '全年业绩', 365000, NULL),"
    " (1, 'measure', 0, '每周拜访', 20, '2026-03-15'), (1, 'measure', 1, '新品上市', 5, '2026-06-30');"
    "INSERT INTO worklog_entry (rep_id, day, revenue) VALUES (1, '2026-02-05', 500),"
    " (1, '2026-03-10', 800), (2, '2026-03-11', 1000);"
    "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
    " (1, 'Lead', 1, 10, 'open'), (2, 'Won', 2, 100, 'won'), (3, 'Lost', 3, 0, 'lost');"
    "INSERT INTO opportunity (id, title, rep_id, product_id, stage_id, amount, created_on, closed_on,"
    " invoiced, collected, lost_reason) VALUES"
    " (1, 'Flagship deal', 1, 1, 2, 3000, '2026-03-01', '2026-03-21', 3000, 1500, ''),"
    " (2, 'Small', 2, NULL, 3, 1000, '2026-03-05', '2026-03-15', 0, 0, '价格'),"
    " (3, 'Smaller', 2, NULL, 3, 500, '2026-03-06', '2026-03-16', 0, 0, ' 价格 '),"
    " (4, 'Rival', 1, NULL, 3, 4000, '2026-03-07', '2026-03-20', 0, 0, '竞争'),"
    " (5, 'February', 1, NULL, 2, 2000, '2026-02-01', '2026-02-20', 0, 0, '');");
}

static char *
describe_counts (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const SpAgendaCount *c = g_ptr_array_index (rows, i);
      g_string_append_printf (out, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, c->name,
                              c->count, c->amount);
      if (c->target != 0)
        g_string_append_printf (out, "/%" G_GINT64_FORMAT, c->target);
      g_string_append_c (out, ';');
    }
  return g_string_free (out, FALSE);
}

static void
test_monthly (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate day = date (2026, 4, 1);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *reasons = NULL;
  const SpAgendaRank *top;

  workspace_open (&ws);
  fill_month (&ws);
  agenda = sp_meeting_agenda_compute (ws.store, SP_MEETING_MONTHLY, 0, &day, &error);
  g_assert_no_error (error);
  first = sp_date_format_iso (&agenda->first);
  last = sp_date_format_iso (&agenda->last);
  g_assert_cmpstr (first, ==, "2026-03-01");
  g_assert_cmpstr (last, ==, "2026-03-31");

  top = g_ptr_array_index (agenda->rep_ranking, 0);
  g_assert_cmpstr (top->name, ==, "Bob");
  g_assert_cmpint (top->attainment.num, ==, 1000);
  g_assert_cmpint (top->attainment.den, ==, 1000);
  top = g_ptr_array_index (agenda->rep_ranking, 1);
  g_assert_cmpstr (top->name, ==, "Alice");
  g_assert_cmpuint (top->rank, ==, 2);
  g_assert_cmpint (top->actual, ==, 800);
  top = g_ptr_array_index (agenda->region_ranking, 0);
  g_assert_cmpstr (top->name, ==, "South");

  g_assert_cmpint (agenda->kpis.effective_leads, ==, 4);
  g_assert_cmpint (agenda->kpis.won, ==, 1);
  g_assert_cmpint (agenda->kpis.lost, ==, 3);
  g_assert_cmpint (agenda->kpis.win_rate.num, ==, 1);
  g_assert_cmpint (agenda->kpis.win_rate.den, ==, 4);
  g_assert_cmpint (agenda->kpis.win_days, ==, 20);
  g_assert_cmpint (agenda->kpis.average_deal_size.value, ==, 3000);
  g_assert_cmpint (agenda->kpis.collection_rate.num, ==, 1500);
  g_assert_cmpint (agenda->kpis.collection_rate.den, ==, 3000);
  g_assert_cmpint (agenda->previous_kpis.won, ==, 1);
  g_assert_cmpint (agenda->previous_kpis.lost, ==, 0);
  g_assert_cmpint (agenda->previous_kpis.win_days, ==, 19);

  /* The burn-up: 31 days, 8.00 on the 10th, 18.00 from the 11th. */
  g_assert_cmpuint (agenda->burn_up->len, ==, 31);
  g_assert_cmpint (g_array_index (agenda->burn_up, SpMetricsPoint, 9).cumulative, ==, 800);
  g_assert_cmpint (g_array_index (agenda->burn_up, SpMetricsPoint, 30).cumulative, ==, 1800);
  reasons = describe_counts (agenda->lost_reasons);
  g_assert_cmpstr (reasons, ==, "价格 2 1500;竞争 1 4000;");
  g_assert_cmpint (agenda->team.actual, ==, 1800);
  g_assert_cmpint (agenda->team.target, ==, 31000);
  g_assert_cmpint (agenda->year_target, ==, 365000);
  g_assert_cmpint (agenda->year_actual, ==, 2300);
  g_assert_cmpint (agenda->year_gap, ==, 362700);
  workspace_close (&ws);
}

static void
test_review (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate day = date (2026, 3, 31);
  g_autofree char *products = NULL;
  GString *months = g_string_new (NULL);
  const SpAgendaMeasure *goal, *measure;

  workspace_open (&ws);
  fill_month (&ws);
  agenda = sp_meeting_agenda_compute (ws.store, SP_MEETING_REVIEW, SP_MEETING_REVIEW_QUARTER,
                                      &day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->months->len; i++)
    {
      const SpAgendaPeriod *p = g_ptr_array_index (agenda->months, i);
      g_autofree char *iso = sp_date_format_iso (&p->first);
      g_string_append_printf (months, "%s %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ";", iso,
                              p->attainment.actual, p->attainment.target);
    }
  g_assert_cmpstr (months->str, ==, "2026-01-01 0/31000;2026-02-01 500/28000;"
                                    "2026-03-01 1800/31000;");
  g_string_free (months, TRUE);
  products = describe_counts (agenda->products);
  g_assert_cmpstr (products, ==, "旗舰版 1 3000/5000; 1 2000;");
  g_assert_cmpuint (agenda->measures->len, ==, 3);
  goal = g_ptr_array_index (agenda->measures, 0);
  g_assert_cmpuint (goal->kind, ==, SP_OGSMT_GOAL);
  g_assert_cmpint (goal->target_value, ==, 365000);
  g_assert_false (goal->due);
  measure = g_ptr_array_index (agenda->measures, 1);
  g_assert_cmpstr (measure->text, ==, "每周拜访");
  g_assert_true (measure->due);
  measure = g_ptr_array_index (agenda->measures, 2);
  g_assert_false (measure->due);
  g_assert_cmpint (agenda->year_gap, ==, 362700);

  /* Half-year and year reviews look at the half and the year that close. */
  {
    GDate july = date (2026, 7, 1), dec = date (2026, 12, 31);
    g_autoptr(SpMeetingAgenda) half = sp_meeting_agenda_compute (ws.store, SP_MEETING_REVIEW,
                                                                 SP_MEETING_REVIEW_HALF_YEAR,
                                                                 &july, &error);
    g_autoptr(SpMeetingAgenda) year = sp_meeting_agenda_compute (ws.store, SP_MEETING_REVIEW,
                                                                 SP_MEETING_REVIEW_YEAR, &dec,
                                                                 &error);
    g_assert_cmpuint (half->months->len, ==, 6);
    g_assert_cmpuint (year->months->len, ==, 12);
    g_assert_cmpint (half->team.actual, ==, 2300);
  }
  workspace_close (&ws);
}

/* The motivation meetings: the sharing case is a won opportunity; the coaching and workshop
 * records are their sections' notes. */
static void
test_motivation (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = NULL;
  GDate day = date (2026, 3, 25);
  g_autofree char *skill = NULL;
  gint64 sharing, coaching;

  workspace_open (&ws);
  fill_month (&ws);
  sharing = sp_meeting_add (ws.store, SP_MEETING_SHARING, 0, &day, "16:00", NULL, &error);
  coaching = sp_meeting_add (ws.store, SP_MEETING_COACHING, 0, &day, "17:00", NULL, &error);
  g_assert_true (sp_meeting_set_rep (ws.store, sharing, 1, &error));
  g_assert_true (sp_meeting_set_opportunity (ws.store, sharing, 1, &error));
  g_assert_true (sp_meeting_set_note (ws.store, sharing, "takeaways", "先找决策者", &error));
  g_assert_true (sp_meeting_set_rep (ws.store, coaching, 2, &error));
  g_assert_true (sp_meeting_set_note (ws.store, coaching, "skill", "促成", &error));
  g_assert_no_error (error);
  g_assert_false (sp_meeting_set_opportunity (ws.store, sharing, 42, &error));
  g_assert_error (error, SP_MEETING_ERROR, SP_MEETING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  agenda = sp_meeting_agenda_for_meeting (ws.store, sharing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agenda->case_deal);
  g_assert_cmpstr (agenda->case_deal->title, ==, "Flagship deal");
  g_assert_cmpstr (agenda->case_deal->rep_name, ==, "Alice");
  g_assert_cmpint (agenda->case_deal->amount, ==, 3000);
  skill = sp_meeting_dup_note (ws.store, coaching, "skill", &error);
  g_assert_cmpstr (skill, ==, "促成");
  workspace_close (&ws);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/kinds", test_kinds);
  g_test_add_func ("/meetings/plan/fiscal-april-holidays", test_plan_generation);
  g_test_add_func ("/meetings/plan/defaults", test_plan_defaults);
  g_test_add_func ("/meetings/agenda/morning", test_morning);
  g_test_add_func ("/meetings/agenda/evening", test_evening);
  g_test_add_func ("/meetings/agenda/empty-team", test_empty_team);
  g_test_add_func ("/meetings/agenda/weekly-straddling-months", test_weekly);
  g_test_add_func ("/meetings/agenda/monthly", test_monthly);
  g_test_add_func ("/meetings/agenda/review", test_review);
  g_test_add_func ("/meetings/agenda/motivation", test_motivation);
  g_test_add_func ("/meetings/actions/carry-over", test_actions_carry_over);

  return g_test_run ();
}
