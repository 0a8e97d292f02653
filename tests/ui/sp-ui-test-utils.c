/* sp-ui-test-utils.c — what the UI test programs share: locale and display set-up, a demo
 * workspace in a real window, waiting for frames and writing screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-ui-test-utils"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-ui-test-utils.h"

/* The locale and the translations (SP_TEST_LOCALEDIR: the build's po/), GLib's test
 * framework, whether there is a display, and where the screenshots go. */
void
sp_ui_test_init (SpUiFixture *fixture,
                 int         *argc,
                 char      ***argv)
{
  const char *localedir = g_getenv ("SP_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (argc, argv, NULL);

  fixture->have_display = (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY"))
                          && gtk_init_check ();
  fixture->suffix = g_getenv ("SP_SCREENSHOT_SUFFIX") ? g_getenv ("SP_SCREENSHOT_SUFFIX") : "";
  fixture->shots = g_strdup (g_getenv ("SP_SCREENSHOT_DIR"));
  if (fixture->shots == NULL)
    fixture->shots = g_build_filename (g_get_tmp_dir (), "sp-screenshots", NULL);
  g_mkdir_with_parents (fixture->shots, 0755);
}

/* Skips the test and returns TRUE when there is no display. */
gboolean
sp_ui_test_skip_no_display (SpUiFixture *fixture)
{
  if (!fixture->have_display)
    g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
  return !fixture->have_display;
}

/* Runs the tests added, between @setup and sp_ui_fixture_close() when there is a display. */
int
sp_ui_test_run (SpUiFixture *fixture,
                void       (*setup) (void))
{
  int status;

  if (fixture->have_display)
    setup ();
  status = g_test_run ();
  if (fixture->have_display)
    sp_ui_fixture_close (fixture);
  g_clear_pointer (&fixture->shots, g_free);

  return status;
}

/* A workspace in a new temporary folder named after @dir_template, with the demo's data of
 * 15 September 2026 when @demo (a fixed day, so that the pictures only change when the code
 * does), the application registered, animations off (pictures of the end state, not of a
 * transition halfway) and a window on the workspace, not yet presented. */
void
sp_ui_fixture_open (SpUiFixture *fixture,
                    const char  *dir_template,
                    gboolean     demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_date_clear (&fixture->today, 1);
  if (demo)
    {
      g_date_set_dmy (&fixture->today, 15, G_DATE_SEPTEMBER, 2026);
      sp_demo_generate (fixture->store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED,
                        &fixture->today, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  fixture->app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture->window = sp_window_new (fixture->app, fixture->store);
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

void
sp_ui_fixture_close (SpUiFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sp_ui_spin (50);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec milliseconds. */
void
sp_ui_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
size_differs (GtkWidget *widget,
              int        width,
              int        height)
{
  return width > 0 && (ABS (gtk_widget_get_width (widget) - width) > 16
                       || ABS (gtk_widget_get_height (widget) - height) > 16);
}

/* Waits until @widget is mapped (asserted), then for at most @usec since the call until it
 * is @width x @height give or take 16 pixels (@width 0: any size). Without a window
 * manager, client-side decorations keep a few pixels of the size for their resize borders:
 * the widget ends up a little smaller than asked. */
void
sp_ui_wait_for_size (GtkWidget *widget,
                     int        width,
                     int        height,
                     gint64     usec)
{
  gint64 start = g_get_monotonic_time ();

  while (!gtk_widget_get_mapped (widget)
         && g_get_monotonic_time () < start + 20 * G_USEC_PER_SEC)
    sp_ui_spin (10);
  g_assert_true (gtk_widget_get_mapped (widget));
  while (size_differs (widget, width, height) && g_get_monotonic_time () < start + usec)
    sp_ui_spin (10);
}

/* Fails when @widget is not @width x @height, give or take 16 pixels. */
void
sp_ui_check_size (GtkWidget *widget,
                  int        width,
                  int        height)
{
  if (size_differs (widget, width, height))
    g_error ("the window is %dx%d, not %dx%d", gtk_widget_get_width (widget),
             gtk_widget_get_height (widget), width, height);
}

static void
after_paint_cb (guint *painted)
{
  (*painted)++;
}

/* Redraws @widget until it has painted three frames (20 s at the most); returns how many it
 * painted. */
guint
sp_ui_wait_for_paint (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong handler;

  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  while (painted < 3 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      sp_ui_spin (20);
    }
  g_signal_handler_disconnect (clock, handler);

  return painted;
}

/* Waits until @widget is mapped at @width x @height (0: any size) and has painted a few
 * frames since, so that layout, style and fonts have settled. */
void
sp_ui_wait_for_frames (GtkWidget *widget,
                       int        width,
                       int        height)
{
  sp_ui_wait_for_size (widget, width, height, 20 * G_USEC_PER_SEC);
  g_assert_cmpuint (sp_ui_wait_for_paint (widget), >=, 3);
}

/* Asks the window for @width x @height and waits until it has it and has painted. */
void
sp_ui_fixture_resize (SpUiFixture *fixture,
                      int          width,
                      int          height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture->window), width, height);
}

/* The first visible toplevel of @type; or NULL. */
GtkWindow *
sp_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The first widget of @type in @widget's tree, @widget included, depth first; or NULL. */
GtkWidget *
sp_ui_find_widget (GtkWidget *widget,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_ui_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Renders @widget (a toplevel) as it is on screen. */
GdkTexture *
sp_ui_render (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* The paintable is empty while a relayout is pending (a progress bar moving, say): try
   * again after the next frames. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        sp_ui_spin (10);
    }
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Writes @texture to the screenshot folder as @file; returns its path. */
char *
sp_ui_save_png (SpUiFixture *fixture,
                GdkTexture  *texture,
                const char  *file)
{
  char *path = g_build_filename (fixture->shots, file, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  return path;
}

/* Renders @widget (NULL: the fixture's window) into
 * shots/<name>-<shot_width>x<shot_height><suffix>.png (@shot_width 0: the widget's own
 * size). */
void
sp_ui_screenshot (SpUiFixture *fixture,
                  GtkWidget   *widget,
                  const char  *name,
                  int          shot_width,
                  int          shot_height)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;

  if (widget == NULL)
    widget = GTK_WIDGET (fixture->window);
  texture = sp_ui_render (widget);
  if (shot_width <= 0)
    {
      shot_width = gtk_widget_get_width (widget);
      shot_height = gtk_widget_get_height (widget);
    }
  file = g_strdup_printf ("%s-%dx%d%s.png", name, shot_width, shot_height, fixture->suffix);

  g_free (sp_ui_save_png (fixture, texture, file));
}

/* Waits until @widget is @width x @height (0: any size) and has painted, then renders it
 * into shots/<name>-<width>x<height><suffix>.png. */
void
sp_ui_shoot (SpUiFixture *fixture,
             GtkWidget   *widget,
             const char  *name,
             int          width,
             int          height)
{
  sp_ui_wait_for_frames (widget, width, height);
  sp_ui_screenshot (fixture, widget, name, width, height);
}
