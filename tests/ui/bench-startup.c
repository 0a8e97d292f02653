/* bench-startup.c — how long the app takes from launch to its first frame on the large
 * workspace (DESIGN.md: under 500 ms)
 *
 * Usage: bench-startup APP [RUNS]   (APP: the sales-planner executable; needs a display)
 *
 * The app, run with SALES_PLANNER_REPORT_FIRST_FRAME, prints the wall-clock time of its first
 * painted frame and of its first idle moment after it, then quits; this program subtracts the
 * time it launched the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "sp-demo.h"
#include "sp-store.h"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
find_stamp (const char *output,
            const char *key)
{
  const char *at = strstr (output, key);

  return at != NULL ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

static gint64
median (GArray *values)
{
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, values->len / 2);
}

static char *
make_workspace (SpDemoSize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_dir_make_tmp ("sp-bench-startup-XXXXXX", &error);
  char *path;
  GDate today;

  g_assert_no_error (error);
  path = g_build_filename (dir, "workspace.db", NULL);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  {
    g_autoptr(SpStore) store = sp_store_open (path, &error);

    g_assert_no_error (error);
    if (!sp_demo_generate (store, size, SP_DEMO_DEFAULT_SEED, &today, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
  }
  return path;
}

static void
remove_workspace (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* Launches @app on @path @runs times; returns the median time to the first frame (µs). */
static gint64
measure (const char *app,
         const char *path,
         guint       runs,
         const char *label)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) idles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "SALES_PLANNER_REPORT_FIRST_FRAME",
                                        "1", TRUE);

  for (guint i = 0; i < runs; i++)
    {
      const char *args[] = { app, "--file", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      gint64 start = g_get_real_time (), frame, idle;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) args, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s", app, error->message);
      frame = find_stamp (out, "first-frame-us ");
      idle = find_stamp (out, "idle-us ");
      if (frame < 0 || idle < 0)
        g_error ("%s printed no first-frame time:\n%s", app, out);
      frame -= start;
      idle -= start;
      g_array_append_val (frames, frame);
      g_array_append_val (idles, idle);
      g_print ("%s, run %u: first frame %.0f ms, idle %.0f ms\n", label, i + 1, frame / 1e3,
               idle / 1e3);
    }

  g_print ("%s: start to first frame, median %.0f ms; to the first idle moment %.0f ms\n",
           label, median (frames) / 1e3, median (idles) / 1e3);
  return median (frames);
}

int
main (int argc, char *argv[])
{
  g_autofree char *demo = NULL;
  g_autofree char *large = NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  gint64 demo_frame, large_frame;

  if (argc < 2 || runs == 0)
    {
      g_printerr ("usage: %s APP [RUNS]\n", argv[0]);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("no display: skipped (run through build-aux/dev bench)\n");
      return 0;
    }

  /* The small demo workspace shows what the toolkit's own start-up costs on this machine
   * (under Xvfb: software rendering); the large one what the data adds. */
  demo = make_workspace (SP_DEMO_SIZE_DEMO);
  large = make_workspace (SP_DEMO_SIZE_LARGE);
  demo_frame = measure (argv[1], demo, runs, "demo workspace");
  large_frame = measure (argv[1], large, runs, "large workspace");
  g_print ("large workspace: first frame %.0f ms (target < 500 ms): %s; the data adds %+.0f ms "
           "to the demo workspace's start\n", large_frame / 1e3,
           large_frame < 500000 ? "met" : "NOT MET", (large_frame - demo_frame) / 1e3);

  remove_workspace (demo);
  remove_workspace (large);
  return 0;
}
