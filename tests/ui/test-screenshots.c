/* test-screenshots.c — the real window on a demo workspace: every view rendered to a PNG in
 * the build folder for people to look at (a blank one fails), the views reachable through
 * win.show-view and their accelerators set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-dashboard-page.h"
#include "sp-funnel-page.h"
#include "sp-new-plan-dialog.h"
#include "sp-period-filter.h"
#include "sp-preferences-window.h"
#include "sp-team-day-grid.h"
#include "sp-window-private.h"
#include "sp-workload-page.h"
#include "sp-worklog-page.h"

#include "sp-ui-test-utils.h"
#include "test-screenshots-private.h"

static const char * const views[] = {
  "targets", "worklog", "workload", "funnel", "dashboard", "meetings",
};

SpUiFixture fixture;

/* Waits until @widget is mapped at @width x @height (0: any size) and has painted a few
 * frames since, so that layout, style and fonts have settled. */
void
wait_for_frames (GtkWidget *widget,
                 int        width,
                 int        height)
{
  sp_ui_wait_for_size (widget, width, height, 20 * G_USEC_PER_SEC);
  sp_ui_check_size (widget, width, height);
  g_assert_cmpuint (sp_ui_wait_for_paint (widget), >=, 3);
}

/* The share of the most common pixel value, 0..1. */
static double
dominant_share (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint best = 0;

  gdk_texture_download (texture, data, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    {
      guint32 pixel = (guint32) data[i] | (guint32) data[i + 1] << 8
                      | (guint32) data[i + 2] << 16 | (guint32) data[i + 3] << 24;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

      g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (n));
      best = MAX (best, n);
    }

  return (double) best / ((double) width * height);
}

/* Renders @widget (a toplevel) as it is on screen into
 * shots/<name>-<shot_width>x<shot_height><suffix>.png (the size asked of the window); fails
 * if the picture is blank. */
void
screenshot (GtkWidget  *widget,
            const char *name,
            int         shot_width,
            int         shot_height)
{
  g_autoptr(GdkTexture) texture = sp_ui_render (widget);
  g_autofree char *file = g_strdup_printf ("%s-%dx%d%s.png", name, shot_width, shot_height,
                                           fixture.suffix);
  g_autofree char *path = sp_ui_save_png (&fixture, texture, file);
  double share = dominant_share (texture);

  if (share > 0.99)
    g_error ("%s is blank: %.1f%% of its pixels have one colour", path, share * 100.0);
}

static void
show_view (const char *view)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string (view));
  g_assert_cmpstr (sp_window_get_visible_view (fixture.window), ==, view);
}

static void
resize (int width,
        int height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, height);
  wait_for_frames (GTK_WIDGET (fixture.window), width, height);
}

static void
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_assert_true (sscanf (text, "%dx%d", width, height) == 2);
}

static void
test_views (void)
{
  const char *sizes_env = g_getenv ("SP_SCREENSHOT_SIZES");
  g_auto(GStrv) sizes = g_strsplit (sizes_env ? sizes_env : "1280x800,1024x768", ",", -1);

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  for (guint s = 0; sizes[s] != NULL; s++)
    {
      int width, height;

      parse_size (sizes[s], &width, &height);
      resize (width, height);
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          show_view (views[i]);
          wait_for_frames (GTK_WIDGET (fixture.window), width, height);
          screenshot (GTK_WIDGET (fixture.window), views[i], width, height);
        }
    }
}

static void
test_styles (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  resize (1024, 768);
  show_view ("targets");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (window, 1024, 768);
  screenshot (window, "targets-dark", 1024, 768);
  show_view ("meetings");
  wait_for_frames (window, 1024, 768);
  screenshot (window, "meetings-dark", 1024, 768);
  show_view ("targets");

  /* Presentation mode asks for fullscreen; without a window manager the size may stay. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (sp_window_get_presenting (fixture.window));
  g_assert_true (gtk_widget_has_css_class (window, "presentation"));
  resize (1024, 768);
  screenshot (window, "targets-dark-presentation", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frames (window, 1024, 768);
  screenshot (window, "targets-presentation", 1024, 768);

  /* A view without its page yet, on the projector. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string ("dashboard"));
  wait_for_frames (window, 1024, 768);
  screenshot (window, "dashboard-presentation", 1024, 768);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_false (sp_window_get_presenting (fixture.window));
  g_assert_false (gtk_widget_has_css_class (window, "presentation"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_preferences_window (void)
{
  GtkWindow *prefs;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  prefs = sp_preferences_window_new (sp_window_get_workspace (fixture.window));
  gtk_window_set_transient_for (prefs, GTK_WINDOW (fixture.window));
  gtk_window_set_default_size (prefs, 640, 760);
  gtk_window_present (prefs);
  wait_for_frames (GTK_WIDGET (prefs), 640, 760);
  screenshot (GTK_WIDGET (prefs), "preferences", 640, 760);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "holidays");
  wait_for_frames (GTK_WIDGET (prefs), 640, 760);
  screenshot (GTK_WIDGET (prefs), "preferences-holidays", 640, 760);
  gtk_window_destroy (prefs);
}

static void
test_dialogs (void)
{
  GtkWidget *dialog;
  GtkWindow *shortcuts;
  GtkWindow *about;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  dialog = sp_new_plan_dialog_new (GTK_WINDOW (fixture.window),
                                   sp_window_get_preferences (fixture.window));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_frames (dialog, 0, 0);
  screenshot (dialog, "new-plan", gtk_widget_get_width (dialog), gtk_widget_get_height (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "shortcuts", NULL);
  shortcuts = sp_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  wait_for_frames (GTK_WIDGET (shortcuts), 0, 0);
  screenshot (GTK_WIDGET (shortcuts), "shortcuts", gtk_widget_get_width (GTK_WIDGET (shortcuts)),
              gtk_widget_get_height (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "about", NULL);
  about = sp_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  wait_for_frames (GTK_WIDGET (about), 0, 0);
  screenshot (GTK_WIDGET (about), "about", gtk_widget_get_width (GTK_WIDGET (about)),
              gtk_widget_get_height (GTK_WIDGET (about)));
  gtk_window_destroy (about);
}

static void
test_show_view (void)
{
  if (sp_ui_test_skip_no_display (&fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    show_view (views[i]);

  /* An unknown view changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("no-such-view"));
  g_assert_cmpstr (sp_window_get_visible_view (fixture.window), ==, "meetings");
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture.app),
                                                                action);

  g_assert_nonnull (accels);
  if (!g_strv_contains ((const char * const *) accels, accel))
    g_error ("%s has no accelerator %s", action, accel);
}

static void
test_accels (void)
{
  if (sp_ui_test_skip_no_display (&fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-view('%s')", views[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      assert_accel (action, accel);
    }
  assert_accel ("app.quit", "<Control>q");
  assert_accel ("app.preferences", "<Control>comma");
  assert_accel ("app.shortcuts", "<Control>question");
  assert_accel ("win.undo", "<Control>z");
  assert_accel ("win.redo", "<Shift><Control>z");
  assert_accel ("win.presentation", "F5");
}

static SpWorklogPage *
worklog_page (void)
{
  return SP_WORKLOG_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "worklog"));
}

static SpWorkloadPage *
workload_page (void)
{
  return SP_WORKLOAD_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "workload"));
}

static void
demo_day (GDate *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, 14, G_DATE_SEPTEMBER, 2026);
}

static gint64
stored_value (gint64          rep_id,
              SpWorklogField  field)
{
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean exists;
  GDate day;

  demo_day (&day);
  g_assert_true (sp_worklog_get (fixture.store, rep_id, &day, &entry, &exists, &error));
  g_assert_no_error (error);
  return entry.values[field];
}

/* Types @text into @widget and leaves it for @next, as Tab would. */
static void
type_and_leave (GtkWidget  *widget,
                const char *text,
                GtkWidget  *next)
{
  gtk_widget_grab_focus (widget);
  sp_ui_spin (20);
  g_assert_true (gtk_widget_has_focus (widget) || gtk_widget_is_focus (widget)
                 || gtk_widget_get_focus_child (widget) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  gtk_widget_grab_focus (next);
  sp_ui_spin (20);
}

/* Typing a count and leaving the field saves it; Ctrl+Z (win.undo) takes it back. */
static void
test_worklog_edit (void)
{
  SpWorklogPage *page;
  GtkWidget *prospects, *appointments;
  gint64 rep_id, before;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  resize (1280, 800);
  show_view ("worklog");
  page = worklog_page ();
  sp_worklog_page_show_team (page, FALSE);
  wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
  rep_id = sp_worklog_page_get_rep (page);
  g_assert_cmpint (rep_id, >, 0);
  prospects = sp_worklog_page_get_field_widget (page, SP_WORKLOG_FIELD_PROSPECTS);
  appointments = sp_worklog_page_get_field_widget (page, SP_WORKLOG_FIELD_APPOINTMENTS);

  /* Tab visits every field in the order of the paper form. */
  gtk_widget_grab_focus (prospects);
  for (guint i = 1; i < SP_WORKLOG_N_FIELDS; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
      if (focus != sp_worklog_page_get_field_widget (page, i)
          && !gtk_widget_is_ancestor (focus, sp_worklog_page_get_field_widget (page, i)))
        {
          GtkWidget *parent = gtk_widget_get_parent (focus);

          g_error ("Tab from field %u went to a %s in a %s", i - 1,
                   G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (parent));
        }
    }

  before = stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS);
  type_and_leave (prospects, "4,321", appointments);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS), ==, 4321);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prospects)), ==, "4321");
  g_assert_cmpstr (sp_worklog_page_get_error_text (page), ==, "");

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  sp_ui_spin (20);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS), ==, before);
  {
    g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, before);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prospects)), ==, text);
  }

  /* Next day (Alt+Right), previous day (Alt+Left), today. */
  {
    GDate day, shown;

    demo_day (&day);
    gtk_widget_activate_action (GTK_WIDGET (page), "worklog.next-day", NULL);
    sp_worklog_page_get_day (page, &shown);
    g_assert_cmpint (g_date_days_between (&day, &shown), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (page), "worklog.previous-day", NULL);
    gtk_widget_activate_action (GTK_WIDGET (page), "worklog.previous-day", NULL);
    sp_worklog_page_get_day (page, &shown);
    g_assert_cmpint (g_date_days_between (&day, &shown), ==, -1);
    gtk_widget_activate_action (GTK_WIDGET (page), "worklog.today", NULL);
    sp_worklog_page_get_day (page, &shown);
    g_assert_cmpint (g_date_days_between (&day, &shown), ==, 0);
  }
}

/* A refused value shows the model's message on the field and changes nothing. */
static void
test_worklog_invalid (void)
{
  SpWorklogPage *page;
  GtkWidget *prospects, *appointments;
  gboolean could_undo;
  gint64 rep_id, before;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  resize (1280, 800);
  show_view ("worklog");
  page = worklog_page ();
  sp_worklog_page_show_team (page, FALSE);
  rep_id = sp_worklog_page_get_rep (page);
  prospects = sp_worklog_page_get_field_widget (page, SP_WORKLOG_FIELD_PROSPECTS);
  appointments = sp_worklog_page_get_field_widget (page, SP_WORKLOG_FIELD_APPOINTMENTS);
  before = stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS);
  could_undo = sp_store_can_undo (fixture.store);

  type_and_leave (prospects, "-3", appointments);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS), ==, before);
  g_assert_cmpstr (sp_worklog_page_get_error_text (page), !=, "");
  g_assert_nonnull (strstr (sp_worklog_page_get_error_text (page), "-3"));
  g_assert_true (gtk_widget_has_css_class (prospects, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (prospects)), ==, "-3");
  g_assert_true (sp_store_can_undo (fixture.store) == could_undo);
  wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
  screenshot (GTK_WIDGET (fixture.window), "worklog-invalid", 1280, 800);

  /* Correcting it saves it and clears the message. */
  type_and_leave (prospects, "7", appointments);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS), ==, 7);
  g_assert_cmpstr (sp_worklog_page_get_error_text (page), ==, "");
  g_assert_false (gtk_widget_has_css_class (prospects, "error"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  sp_ui_spin (20);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_PROSPECTS), ==, before);
}

/* The team's day: a cell saves on leave, Enter moves along the row, Down to the next rep. */
static void
test_worklog_team (void)
{
  SpWorklogPage *page;
  SpTeamDayGrid *grid;
  GtkWidget *cell, *next;
  g_autoptr(GArray) rows = NULL;
  gint64 rep_id, before;
  GDate day;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  demo_day (&day);
  resize (1280, 800);
  show_view ("worklog");
  page = worklog_page ();
  sp_worklog_page_show_team (page, TRUE);
  grid = NULL;
  {
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, page);
    while (grid == NULL && !g_queue_is_empty (&queue))
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (SP_IS_TEAM_DAY_GRID (w))
          grid = SP_TEAM_DAY_GRID (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);
  }
  g_assert_nonnull (grid);

  rows = sp_worklog_list_day (fixture.store, &day, 0, NULL);
  g_assert_nonnull (rows);
  g_assert_cmpuint (sp_team_day_grid_get_n_rows (grid), ==, rows->len);
  g_assert_cmpuint (rows->len, >=, 2);
  rep_id = g_array_index (rows, SpWorklogDayRow, 1).rep_id;
  before = stored_value (rep_id, SP_WORKLOG_FIELD_ORDERS);

  /* Column 5 is orders. */
  cell = sp_team_day_grid_get_cell (grid, 1, 5);
  next = sp_team_day_grid_get_cell (grid, 1, 6);
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "9");
  g_signal_emit_by_name (cell, "activate");
  sp_ui_spin (20);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_ORDERS), ==, 9);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)), next)
                 || gtk_root_get_focus (GTK_ROOT (fixture.window)) == next);
  /* The grid was updated in place: the cells are still the same widgets. */
  g_assert_true (sp_team_day_grid_get_cell (grid, 1, 5) == cell);

  /* Tab goes along the row, then on to the next rep's first cell. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)),
                                         sp_team_day_grid_get_cell (grid, 2, 0)));
  gtk_widget_grab_focus (next);

  wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
  screenshot (GTK_WIDGET (fixture.window), "worklog-team", 1280, 800);
  resize (1024, 768);
  screenshot (GTK_WIDGET (fixture.window), "worklog-team", 1024, 768);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  sp_ui_spin (20);
  g_assert_cmpint (stored_value (rep_id, SP_WORKLOG_FIELD_ORDERS), ==, before);
  g_assert_cmpint (before, !=, 9);
  sp_worklog_page_show_team (page, FALSE);
}

/* What-if: a zero rate gets the model's message, a good one the counts again. */
static void
test_workload_what_if (void)
{
  SpWorkloadPage *page;
  g_autofree char *result = NULL;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  show_view ("workload");
  page = workload_page ();
  sp_workload_page_set_rep (page, sp_worklog_page_get_rep (worklog_page ()));
  gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, 0)), "100000");
  gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, 1)), "1000");
  for (guint i = 2; i < 6; i++)
    gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, i)), "50");
  gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, 6)), "20");
  /* 100 orders → 200 → 400 → 800 → 1600 prospects; 80 a day. */
  g_assert_nonnull (strstr (sp_workload_page_get_what_if_result (page, SP_WORKLOAD_PROSPECTS),
                            "1600 · 80/"));
  g_assert_nonnull (strstr (sp_workload_page_get_what_if_result (page, SP_WORKLOAD_PROSPECTS),
                            "80"));
  result = g_strdup (sp_workload_page_get_what_if_result (page, SP_WORKLOAD_CLOSES));

  gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, 5)), "0");
  resize (1280, 800);
  screenshot (GTK_WIDGET (fixture.window), "workload-what-if-zero", 1280, 800);
  gtk_editable_set_text (GTK_EDITABLE (sp_workload_page_get_what_if_input (page, 5)), "50");
  g_assert_cmpstr (sp_workload_page_get_what_if_result (page, SP_WORKLOAD_CLOSES), ==, result);
  gtk_widget_activate_action (GTK_WIDGET (page), "workload.reset", NULL);
  wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
  screenshot (GTK_WIDGET (fixture.window), "workload-one-rep", 1280, 800);
  sp_workload_page_set_rep (page, 0);
}

static void
test_worklog_styles (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);
  const char * const pages[] = { "worklog", "workload" };

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  resize (1024, 768);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-dark", pages[i]);

      show_view (pages[i]);
      wait_for_frames (window, 1024, 768);
      screenshot (window, name, 1024, 768);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (sp_window_get_presenting (fixture.window));
  resize (1024, 768);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-presentation", pages[i]);

      show_view (pages[i]);
      wait_for_frames (window, 1024, 768);
      screenshot (window, name, 1024, 768);
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  GDate log_day;

  sp_ui_fixture_open (&fixture, "sp-ui-XXXXXX", TRUE);
  /* The day before: the demo's reps have logged it, so the form is filled in. */
  demo_day (&log_day);
  sp_worklog_page_set_day (worklog_page (), &log_day);
  sp_workload_page_set_today (workload_page (), &fixture.today);
  /* The charts show the demo's month, not the machine's. */
  sp_period_filter_set_today (sp_dashboard_page_get_filter (SP_DASHBOARD_PAGE (
      adw_view_stack_get_child_by_name (fixture.window->stack, "dashboard"))), &fixture.today);
  sp_period_filter_set_today (sp_funnel_page_get_filter (SP_FUNNEL_PAGE (
      adw_view_stack_get_child_by_name (fixture.window->stack, "funnel"))), &fixture.today);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/actions/show-view", test_show_view);
  g_test_add_func ("/ui/actions/accels", test_accels);
  g_test_add_func ("/ui/screenshots/views", test_views);
  g_test_add_func ("/ui/screenshots/styles", test_styles);
  g_test_add_func ("/ui/worklog/edit-and-undo", test_worklog_edit);
  g_test_add_func ("/ui/worklog/invalid", test_worklog_invalid);
  g_test_add_func ("/ui/worklog/team-day", test_worklog_team);
  g_test_add_func ("/ui/workload/what-if", test_workload_what_if);
  g_test_add_func ("/ui/screenshots/worklog-workload-styles", test_worklog_styles);
  g_test_add_func ("/ui/screenshots/preferences", test_preferences_window);
  g_test_add_func ("/ui/screenshots/dialogs", test_dialogs);
  g_test_add_func ("/ui/screenshots/empty-workspace", test_empty_workspace);
  g_test_add_func ("/ui/jobs/fill-demo", test_fill_demo);
  g_test_add_func ("/ui/jobs/import", test_import);
  g_test_add_func ("/ui/jobs/close-while-filling", test_close_while_filling);
  g_test_add_func ("/ui/open-error", test_open_error);

  return sp_ui_test_run (&fixture, setup);
}
