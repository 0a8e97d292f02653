/* test-meetings-ui.c — the Meetings view on the demo workspace: the year's plan (with Undo),
 * today's morning meeting with minutes, two action items and held; the next day's meeting
 * carries the open items; the figures shown are the model's agenda; slides when presenting;
 * screenshots of the list, a morning, weekly and monthly agenda and a slide at 1024×768
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-meetings-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-meeting-view-private.h"
#include "sp-meetings-page.h"
#include "sp-window-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static SpMeetingsPage *
meetings_page (void)
{
  return SP_MEETINGS_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "meetings"));
}

static void
show_meetings (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("meetings"));
  sp_ui_spin (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (meetings_page ())));
}

/* The workspace's change emitted and the page refreshed. */
static void
flush (void)
{
  sp_workspace_flush (fixture.window->workspace);
  sp_ui_spin (20);
  for (guint i = 0; i < 200 && sp_page_get_dirty (SP_PAGE (meetings_page ())); i++)
    sp_ui_spin (10);
  g_assert_false (sp_page_get_dirty (SP_PAGE (meetings_page ())));
}

/* The meeting of @kind on @day (the first by time), or 0. */
static gint64
find_meeting (const GDate   *day,
              SpMeetingKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = sp_meeting_list (fixture.store, day, day, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SpMeeting) m = g_list_model_get_item (list, i);

      if (sp_meeting_get_kind (m) == kind)
        return sp_meeting_get_id (m);
    }
  return 0;
}

static SpMeetingView *
open_meeting (gint64 id)
{
  SpMeetingView *view = sp_meetings_page_get_view (meetings_page ());

  g_assert_cmpint (id, >, 0);
  sp_meetings_page_open_meeting (meetings_page (), id);
  g_assert_cmpint (sp_meeting_view_get_meeting (view), ==, id);
  sp_ui_spin (20);
  return view;
}

static void
shoot (const char *name)
{
  GtkWidget *window = GTK_WIDGET (fixture.window);

  sp_ui_wait_for_frames (window, 1024, 768);
  /* Nothing so wide that the window folds its sidebar away. */
  g_assert_false (adw_leaflet_get_folded (fixture.window->leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (meetings_page ())));
  sp_ui_screenshot (&fixture, NULL, name, 1024, 768);
}

/* Every figure of the morning tables is the agenda's. */
static void
check_morning (SpMeetingView *view,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpMeetingAgenda) agenda = sp_meeting_agenda_for_meeting (fixture.store, id, &error);
  guint n_missing = 0, n_logged = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (agenda->reps->len, >=, 12);
  g_assert_cmpuint (_sp_meeting_view_get_n_rows (view, "results"), ==, agenda->reps->len);
  g_assert_cmpuint (_sp_meeting_view_get_n_rows (view, "required"), ==, agenda->reps->len);
  for (guint i = 0; i < agenda->reps->len; i++)
    {
      const SpAgendaRepDay *r = g_ptr_array_index (agenda->reps, i);

      g_assert_cmpstr (_sp_meeting_view_get_cell (view, "results", i, 0), ==, r->rep_name);
      for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
        {
          g_autofree char *result = r->logged
            ? _sp_meeting_format_against (r->activities[s], r->has_required, r->required[s])
            : g_strdup ("—");
          g_autofree char *required = r->has_required_today
            ? _sp_meeting_format_count (r->required_today[s]) : g_strdup ("—");

          g_assert_cmpstr (_sp_meeting_view_get_cell (view, "results", i, 1 + s), ==, result);
          g_assert_cmpstr (_sp_meeting_view_get_cell (view, "required", i, 1 + s), ==,
                           required);
        }
      if (r->logged)
        {
          g_autofree char *revenue = _sp_meeting_format_money (view, r->revenue);

          g_assert_cmpstr (_sp_meeting_view_get_cell (view, "results", i, 7), ==, revenue);
          n_logged++;
        }
      else
        n_missing++;
    }
  g_assert_cmpuint (n_logged, >, 0);
  g_assert_cmpuint (_sp_meeting_view_get_n_rows (view, "missing"), ==, n_missing);
}

static void
check_ranking (SpMeetingView *view,
               GPtrArray     *ranking,
               const char    *name)
{
  g_assert_cmpuint (ranking->len, >, 0);
  g_assert_cmpuint (_sp_meeting_view_get_n_rows (view, name), ==, ranking->len);
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpAgendaRank *r = g_ptr_array_index (ranking, i);
      g_autofree char *actual = _sp_meeting_format_money (view, r->actual);
      g_autofree char *rate = _sp_meeting_format_rate (r->attainment);

      g_assert_cmpstr (_sp_meeting_view_get_cell (view, name, i, 1), ==, r->name);
      g_assert_cmpstr (_sp_meeting_view_get_cell (view, name, i, 2), ==, actual);
      g_assert_cmpstr (_sp_meeting_view_get_cell (view, name, i, 4), ==, rate);
    }
}

static gboolean
list_has (GListModel *items,
          const char *text)
{
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SpActionItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (sp_action_item_get_text (item), text))
        return TRUE;
    }
  return FALSE;
}

static void
test_morning_meeting (void)
{
  SpMeetingsPage *page;
  SpMeetingView *view;
  GListModel *today_list;
  GtkTextView *note;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GListModel) own = NULL;
  gint64 morning, next;
  guint n_before, n_new;
  GDate tomorrow;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  show_meetings ();
  page = meetings_page ();
  sp_meetings_page_set_today (page, &fixture.today);
  flush ();

  /* The plan of the year from the usual plan, one undoable step. */
  today_list = sp_meetings_page_get_meetings (page, 0);
  n_before = g_list_model_get_n_items (today_list);
  /* The demo has held some meetings; the plan adds the others. */
  g_assert_cmpint (find_meeting (&fixture.today, SP_MEETING_EVENING), ==, 0);
  n_new = 1 + (find_meeting (&fixture.today, SP_MEETING_MORNING) == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.generate", NULL));
  flush ();
  g_assert_cmpstr (sp_store_get_undo_label (fixture.store), ==, _("Plan the year’s meetings"));
  g_assert_cmpuint (g_list_model_get_n_items (today_list), ==, n_before + n_new);
  g_assert_true (sp_store_undo (fixture.store, &error));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (today_list), ==, n_before);
  g_assert_true (sp_store_redo (fixture.store, &error));
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (today_list), ==, n_before + n_new);
  shoot ("meetings-list");

  /* Today's morning meeting: its figures are the agenda's. */
  morning = find_meeting (&fixture.today, SP_MEETING_MORNING);
  view = open_meeting (morning);
  sp_meeting_view_set_slide (view, "results");
  check_morning (view, morning);
  shoot ("meetings-morning");

  /* Minutes, saved when the focus leaves, and undoable. */
  note = _sp_meeting_view_get_note (view, "results");
  g_assert_nonnull (note);
  gtk_widget_grab_focus (GTK_WIDGET (note));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Zhang Wei above the plan", -1);
  gtk_widget_grab_focus (GTK_WIDGET (view->held));
  flush ();
  saved = sp_meeting_dup_note (fixture.store, morning, "results", &error);
  g_assert_cmpstr (saved, ==, "Zhang Wei above the plan");
  g_assert_true (sp_store_undo (fixture.store, &error));
  flush ();
  g_clear_pointer (&saved, g_free);
  saved = sp_meeting_dup_note (fixture.store, morning, "results", &error);
  g_assert_cmpstr (saved, ==, "");
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (note), &start, &end);
    shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (note), &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "");
  }
  g_assert_true (sp_store_redo (fixture.store, &error));
  flush ();

  /* Two action items: one with an owner, one in the Do phase. */
  sp_meeting_view_set_slide (view, "action-items");
  gtk_editable_set_text (GTK_EDITABLE (view->action_text), "Call the three open quotes");
  gtk_drop_down_set_selected (view->action_owner, 1);
  _sp_meeting_view_add_action (view);
  flush ();
  gtk_editable_set_text (GTK_EDITABLE (view->action_text), "Demo for the new customer");
  gtk_drop_down_set_selected (view->action_phase, SP_ACTION_PHASE_DO);
  _sp_meeting_view_add_action (view);
  flush ();
  own = sp_action_item_list_for_meeting (fixture.store, morning, &error);
  g_assert_cmpuint (g_list_model_get_n_items (own), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (view->own), ==, 2);
  {
    g_autoptr(SpActionItem) first = g_list_model_get_item (own, 0);
    g_autoptr(SpActionItem) second = g_list_model_get_item (own, 1);
    g_autoptr(SpRep) owner = g_list_model_get_item (view->reps, 0);

    g_assert_cmpint (sp_action_item_get_rep_id (first), ==, sp_rep_get_id (owner));
    g_assert_cmpuint (sp_action_item_get_phase (first), ==, SP_ACTION_PHASE_PLAN);
    g_assert_cmpuint (sp_action_item_get_phase (second), ==, SP_ACTION_PHASE_DO);
  }
  g_assert_nonnull (gtk_list_box_get_row_at_index (_sp_meeting_view_get_own (view), 1));

  /* Attendees: the first two reps. */
  gtk_check_button_set_active (g_ptr_array_index (view->attendee_checks, 0), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (view->attendee_checks, 1), TRUE);
  flush ();
  {
    g_autoptr(GArray) attendees = sp_meeting_list_attendees (fixture.store, morning, &error);
    g_autoptr(SpRep) first = g_list_model_get_item (view->reps, 0);
    g_autoptr(SpRep) second = g_list_model_get_item (view->reps, 1);

    g_assert_cmpuint (attendees->len, ==, 2);
    g_assert_true ((g_array_index (attendees, gint64, 0) == sp_rep_get_id (first)
                    && g_array_index (attendees, gint64, 1) == sp_rep_get_id (second))
                   || (g_array_index (attendees, gint64, 1) == sp_rep_get_id (first)
                       && g_array_index (attendees, gint64, 0) == sp_rep_get_id (second)));
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (view->attendee_checks, 1)));
  }

  /* Held. */
  gtk_switch_set_active (view->held, TRUE);
  flush ();
  {
    g_autoptr(SpMeeting) m = sp_meeting_get (fixture.store, morning, &error);

    g_assert_true (sp_meeting_get_held (m));
  }
  shoot ("meetings-actions");

  /* The next day's morning meeting carries both open items. */
  tomorrow = fixture.today;
  g_date_add_days (&tomorrow, 1);
  next = find_meeting (&tomorrow, SP_MEETING_MORNING);
  view = open_meeting (next);
  g_assert_true (list_has (view->carried, "Call the three open quotes"));
  g_assert_true (list_has (view->carried, "Demo for the new customer"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (_sp_meeting_view_get_carried (view), 0));

  /* Done there: no longer carried. */
  {
    g_autoptr(SpActionItem) first = g_list_model_get_item (own, 0);

    g_assert_true (sp_action_item_set_phase (fixture.store, sp_action_item_get_id (first),
                                             SP_ACTION_PHASE_DONE, &error));
  }
  flush ();
  g_assert_false (list_has (view->carried, "Call the three open quotes"));
  g_assert_true (list_has (view->carried, "Demo for the new customer"));
}

static void
test_weekly_monthly (void)
{
  SpMeetingView *view;
  g_autoptr(GError) error = NULL;
  gint64 weekly = 0, monthly = 0;
  GDate day = fixture.today;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  show_meetings ();
  /* The plan of the first test is there; the weekly meeting of the week, the monthly
   * meeting of the month. */
  for (int i = 0; i < 40 && (weekly == 0 || monthly == 0); i++)
    {
      if (weekly == 0)
        weekly = find_meeting (&day, SP_MEETING_WEEKLY);
      if (monthly == 0)
        monthly = find_meeting (&day, SP_MEETING_MONTHLY);
      g_date_add_days (&day, 1);
    }

  view = open_meeting (weekly);
  {
    g_autoptr(SpMeetingAgenda) agenda = sp_meeting_agenda_for_meeting (fixture.store, weekly,
                                                                       &error);

    g_assert_no_error (error);
    check_ranking (view, agenda->rep_ranking, "ranking-reps");
    check_ranking (view, agenda->region_ranking, "ranking-regions");
    g_assert_cmpuint (_sp_meeting_view_get_n_rows (view, "totals-reps"), ==,
                      agenda->rep_totals->len);
  }
  sp_meeting_view_set_slide (view, "ranking");
  shoot ("meetings-weekly");

  view = open_meeting (monthly);
  {
    g_autoptr(SpMeetingAgenda) agenda = sp_meeting_agenda_for_meeting (fixture.store, monthly,
                                                                       &error);
    g_autofree char *gap = NULL;
    g_autofree char *team = NULL;

    g_assert_no_error (error);
    gap = _sp_meeting_format_money (view, agenda->year_gap);
    team = _sp_meeting_format_rate (agenda->team.attainment);
    g_assert_cmpstr (_sp_meeting_view_get_cell (view, "gap", 0, 2), ==, gap);
    g_assert_cmpstr (_sp_meeting_view_get_cell (view, "team", 0, 3), ==, team);
    check_ranking (view, agenda->rep_ranking, "ranking-reps");
  }
  sp_meeting_view_set_slide (view, "attainment");
  shoot ("meetings-monthly");
}

/* Presenting: Page Down turns the meeting's slides, not the views; dark and presentation
 * pictures. */
static void
test_slides (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);
  SpMeetingsPage *page;
  SpMeetingView *view;
  gint64 morning;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  show_meetings ();
  page = meetings_page ();
  morning = find_meeting (&fixture.today, SP_MEETING_MORNING);
  view = open_meeting (morning);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sp_meeting_view_set_slide (view, "results");
  shoot ("meetings-morning-dark");
  sp_meetings_page_open_meeting (page, 0);
  shoot ("meetings-list-dark");
  view = open_meeting (morning);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Not presenting: the window's keys are the window's. */
  g_assert_false (sp_meetings_page_step_slide (page, 1));

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (window, "presentation"));
  sp_ui_spin (200);
  g_assert_true (sp_meeting_view_get_presenting (view));
  g_assert_false (gtk_widget_get_visible (view->navigator));
  sp_meeting_view_set_slide (view, "overview");
  g_assert_true (sp_meetings_page_step_slide (page, 1));
  g_assert_cmpstr (sp_meeting_view_get_slide (view), ==, "results");
  g_assert_true (sp_meetings_page_step_slide (page, 1));
  g_assert_cmpstr (sp_meeting_view_get_slide (view), ==, "required");
  g_assert_true (sp_meetings_page_step_slide (page, -1));
  g_assert_cmpstr (sp_meeting_view_get_slide (view), ==, "results");
  /* The first slide keeps the key: the view stays. */
  sp_meeting_view_set_slide (view, "overview");
  g_assert_true (sp_meetings_page_step_slide (page, -1));
  g_assert_cmpstr (sp_window_get_visible_view (fixture.window), ==, "meetings");

  /* Pictures at 1024×768 however large the screen is. */
  gtk_window_unfullscreen (GTK_WINDOW (window));
  sp_ui_fixture_resize (&fixture, 1024, 768);
  shoot ("meetings-slide-overview-presentation");
  sp_meeting_view_set_slide (view, "results");
  shoot ("meetings-slide-results-presentation");
  sp_meeting_view_set_slide (view, "action-items");
  shoot ("meetings-slide-actions-presentation");

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  sp_ui_spin (100);
  g_assert_false (sp_meeting_view_get_presenting (view));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  sp_ui_fixture_resize (&fixture, 1024, 768);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-meetings-XXXXXX", TRUE);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/meetings/morning", test_morning_meeting);
  g_test_add_func ("/ui/meetings/weekly-monthly", test_weekly_monthly);
  g_test_add_func ("/ui/meetings/slides", test_slides);

  return sp_ui_test_run (&fixture, setup);
}
