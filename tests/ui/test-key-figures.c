/* test-key-figures.c — Work Log → Key Figures on the demo workspace: the team's row and a
 * region's subtotal are the model's figures for the period, the period before is beside
 * them, a rep below the required rate is flagged; screenshots light, dark and on a projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-key-figures"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-key-figures-panel.h"
#include "sp-rep-workload.h"
#include "sp-window-private.h"
#include "sp-worklog-page-private.h"

static struct
{
  gboolean       have_display;
  char          *dir;
  char          *shots;
  SpStore       *store;
  SpApplication *app;
  SpWindow      *window;
  GDate          today;
} fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (guint *painted)
{
  (*painted)++;
}

static void
wait_for_frames (GtkWidget *widget,
                 int        width,
                 int        height)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    spin (10);
  g_assert_true (gtk_widget_get_mapped (widget));
  while ((ABS (gtk_widget_get_width (widget) - width) > 16
          || ABS (gtk_widget_get_height (widget) - height) > 16)
         && g_get_monotonic_time () < deadline)
    spin (10);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  while (painted < 3 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      spin (20);
    }
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (painted, >=, 3);
}

static void
screenshot (const char *name,
            int         shot_width,
            int         shot_height)
{
  GtkWidget *widget = GTK_WIDGET (fixture.window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        spin (10);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%dx%d.png", name, shot_width, shot_height);
  path = g_build_filename (fixture.shots, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
resize (int width,
        int height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, height);
  wait_for_frames (GTK_WIDGET (fixture.window), width, height);
}

static SpWorklogPage *
worklog_page (void)
{
  return SP_WORKLOG_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "worklog"));
}

static SpKeyFiguresPanel *
show_key_figures (void)
{
  SpWorklogPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("worklog"));
  page = worklog_page ();
  gtk_stack_set_visible_child_name (page->view_stack, "key-figures");
  spin (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->key_figures)));
  return page->key_figures;
}

static char *
count_prefix (gint64 current,
              gint64 previous)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\n(%" G_GINT64_FORMAT, current, previous);
}

/* The cells of a row start with "current (previous" of the model's figures. */
static void
assert_row (SpKeyFiguresPanel *panel,
            gint64             rep_id,
            gint64             region_id)
{
  SpWorklogKeyFigures now, before;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_customers = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *repeat = NULL;
  g_autofree char *conversion = NULL;
  const char *text;
  GDate from, to;

  sp_key_figures_panel_get_range (panel, &from, &to);
  g_assert_true (sp_worklog_key_figures (fixture.store, rep_id, region_id, &from, &to, &now,
                                         &before, &error));
  g_assert_no_error (error);
  /* The demo has both periods logged. */
  g_assert_cmpint (now.orders + before.orders, >, 0);

  new_customers = count_prefix (now.new_customers, before.new_customers);
  orders = count_prefix (now.orders, before.orders);
  repeat = count_prefix (now.repeat_purchases, before.repeat_purchases);
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_NEW_CUSTOMERS);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, new_customers));
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_ORDERS);
  g_assert_true (g_str_has_prefix (text, orders));
  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_REPEAT_PURCHASES);
  g_assert_true (g_str_has_prefix (text, repeat));
  if (before.repeat_purchases > 0 && now.repeat_purchases != before.repeat_purchases)
    g_assert_true (strstr (text, now.repeat_purchases > before.repeat_purchases ? "▲" : "▼"));

  text = sp_key_figures_panel_get_cell_text (panel, rep_id, region_id,
                                             SP_KEY_FIGURES_COLUMN_CONVERSION);
  if (now.conversion.den != 0)
    {
      conversion = g_strdup_printf ("%.1f%%\n(",
                                    (double) sp_rate_to_basis_points (now.conversion) / 100.0);
      g_assert_true (g_str_has_prefix (text, conversion));
    }
}

static void
test_figures (void)
{
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  SpKeyFiguresPanel *panel;
  SpPreferences *preferences;
  guint n_active, flagged = 0;
  GDate from, to, check_to;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  resize (1280, 800);
  panel = show_key_figures ();
  preferences = sp_worklog_page_get_preferences (worklog_page ());

  for (SpKeyFiguresPeriod period = SP_KEY_FIGURES_PERIOD_WEEK;
       period <= SP_KEY_FIGURES_PERIOD_QUARTER; period++)
    {
      sp_key_figures_panel_set_period (panel, period);
      sp_key_figures_panel_get_range (panel, &from, &to);
      g_assert_true (g_date_compare (&from, &fixture.today) <= 0);
      g_assert_true (g_date_compare (&fixture.today, &to) <= 0);
      assert_row (panel, 0, 0);
    }

  sp_key_figures_panel_set_period (panel, SP_KEY_FIGURES_PERIOD_MONTH);
  sp_key_figures_panel_get_range (panel, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_SEPTEMBER);

  reps = sp_rep_list (fixture.store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reps), >, 0);
  {
    g_autoptr(SpRep) first = g_list_model_get_item (reps, 0);

    g_assert_cmpint (sp_rep_get_region_id (first), !=, 0);
    assert_row (panel, 0, sp_rep_get_region_id (first));
  }

  /* Every active rep's flags are sp_worklog_below_required() with the workload formula's
   * daily counts; the demo has at least one rep below. */
  n_active = sp_rep_workload_count_active (fixture.store, NULL);
  check_to = fixture.today;
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      SpRepWorkload workload;
      SpWorkload required = { 0 };
      guint below = 0;
      const char *text;

      if (!sp_rep_get_active (rep))
        continue;
      assert_row (panel, sp_rep_get_id (rep), 0);
      g_assert_true (sp_rep_workload_init (&workload, preferences, sp_rep_get_id (rep), n_active,
                                           &from, &to, &fixture.today, &error));
      g_assert_no_error (error);
      g_assert_true (workload.has_plan);
      g_assert_true (sp_workload_compute (&workload.input, &required, &error));
      g_assert_no_error (error);
      g_assert_true (sp_worklog_below_required (fixture.store, sp_rep_get_id (rep), &from,
                                                &check_to, required.per_day, &below, NULL,
                                                &error));
      g_assert_no_error (error);

      text = sp_key_figures_panel_get_cell_text (panel, sp_rep_get_id (rep), 0,
                                                 SP_KEY_FIGURES_COLUMN_BELOW_RATE);
      g_assert_nonnull (text);
      if (below != 0)
        {
          g_autofree char *expected = sp_key_figures_panel_below_text (below);

          g_assert_cmpstr (text, ==, expected);
        }
      else
        g_assert_cmpstr (text, ==, "");
      if (below != 0)
        flagged++;
    }
  g_assert_cmpuint (flagged, >, 0);

  wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
  screenshot ("worklog-key-figures", 1280, 800);
  {
    /* The team's row, at the end. */
    GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (panel));
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    wait_for_frames (GTK_WIDGET (fixture.window), 1280, 800);
    screenshot ("worklog-key-figures-end", 1280, 800);
    gtk_adjustment_set_value (adjustment, 0);
  }
  resize (1024, 768);
  /* The sidebar folds away at this width: back to the view. */
  show_key_figures ();
  wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
  screenshot ("worklog-key-figures", 1024, 768);
}

static void
test_styles (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  resize (1024, 768);
  show_key_figures ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (window, 1024, 768);
  screenshot ("worklog-key-figures-dark", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (window, "presentation"));
  resize (1024, 768);
  show_key_figures ();
  wait_for_frames (window, 1024, 768);
  screenshot ("worklog-key-figures-presentation", 1024, 768);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture.dir = g_dir_make_tmp ("sp-kf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture.dir, "workspace.db", NULL);
  fixture.store = sp_store_open (path, &error);
  g_assert_no_error (error);

  g_date_clear (&fixture.today, 1);
  g_date_set_dmy (&fixture.today, 15, G_DATE_SEPTEMBER, 2026);
  sp_demo_generate (fixture.store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &fixture.today,
                    NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture.app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (fixture.app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (fixture.app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture.window = sp_window_new (fixture.app, fixture.store);
  /* Today is the demo's last logged day. */
  g_date_subtract_days (&fixture.today, 1);
  sp_worklog_page_set_day (worklog_page (), &fixture.today);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  spin (50);
  g_clear_object (&fixture.app);
  g_clear_object (&fixture.store);
  remove_tree (fixture.dir);
  g_free (fixture.dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SP_TEST_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  fixture.have_display = (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY"))
                         && gtk_init_check ();
  fixture.shots = g_strdup (g_getenv ("SP_SCREENSHOT_DIR"));
  if (fixture.shots == NULL)
    fixture.shots = g_build_filename (g_get_tmp_dir (), "sp-screenshots", NULL);
  g_mkdir_with_parents (fixture.shots, 0755);

  g_test_add_func ("/ui/key-figures/figures", test_figures);
  g_test_add_func ("/ui/key-figures/styles", test_styles);

  if (fixture.have_display)
    setup ();
  status = g_test_run ();
  if (fixture.have_display)
    teardown ();
  g_free (fixture.shots);

  return status;
}
