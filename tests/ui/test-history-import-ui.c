/* test-history-import-ui.c — the Import Order History dialog on a real window: a UTF-8 file
 * with a BOM, Chinese headers and a bad row previewed (figures, rejected rows, new members),
 * a column mapping changed, the commit and its undo through win.undo; a file without the
 * required columns; a large file read without freezing the main loop and stopped; screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-history-import-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-history-import-dialog.h"
#include "sp-window.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

/* UTF-8 with a BOM; the fifth column's header is not one the importer knows. */
static const char orders_csv[] =
  "\xEF\xBB\xBF日期,金额,区域,销售员,型号\r\n"
  "2025-01-15,1200.50,华东,张伟,A100\r\n"
  "2025-02-03,800,华南,李娜,B200\r\n"
  "2025-03-10,abc,华东,张伟,A100\r\n"
  "2025-03-20,500,华东,王芳,A100\r\n";

/* Waits until @widget is mapped and has painted a few frames, so that layout has settled. */
static void
wait_for_frames (GtkWidget *widget)
{
  sp_ui_wait_for_frames (widget, 0, 0);
}

/* Renders @widget (a toplevel) into shots/history-import-<name><suffix>.png. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkTexture) texture = sp_ui_render (widget);
  g_autofree char *file = g_strdup_printf ("history-import-%s%s.png", name, fixture.suffix);

  g_free (sp_ui_save_png (&fixture, texture, file));
}

static gpointer
child (GtkWidget  *dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, SP_TYPE_HISTORY_IMPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (GtkWidget  *dialog,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (dialog, name)));
}

static const char *
subtitle (GtkWidget  *dialog,
          const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, name)));
}

/* The combo row titled @title under @widget. */
static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwComboRow *found = find_combo_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkScrolledWindow *
preview_scroller (GtkWidget *dialog)
{
  GtkWidget *widget = gtk_stack_get_child_by_name (GTK_STACK (child (dialog, "stack")),
                                                   "preview");

  while (widget != NULL && !GTK_IS_SCROLLED_WINDOW (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);
  return GTK_SCROLLED_WINDOW (widget);
}

static void
scroll_to_end (GtkWidget *dialog)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (preview_scroller (dialog));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
scroll_to_start (GtkWidget *dialog)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (preview_scroller (dialog)), 0);
}

static const char *
visible_page (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack")));
}

/* Waits for the running preview or commit to end. */
static void
wait_idle (GtkWidget *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog))
         && g_get_monotonic_time () < deadline)
    sp_ui_spin (10);
  g_assert_false (sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog)));
}

static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Opens the dialog the way the menu does, through win.import-history. */
static GtkWidget *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "import-history", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_HISTORY_IMPORT_DIALOG (window))
        {
          gtk_window_set_default_size (window, 1024, 768);
          return GTK_WIDGET (window);
        }
    }
  g_assert_not_reached ();
}

/* Adds the mnemonic keys of the labels under @widget to @keys; fails on a key taken twice
 * (取消(_C) beside 选择文件(_C) in one dialog). */
static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *keys)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget))
      && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other = g_hash_table_lookup (keys, GUINT_TO_POINTER (key));

      if (other != NULL)
        g_error ("“%s” and “%s” share a mnemonic", other,
                 gtk_label_get_label (GTK_LABEL (widget)));
      g_hash_table_insert (keys, GUINT_TO_POINTER (key),
                           (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, keys);
}

static gint64
year_total (int year)
{
  g_autoptr(GError) error = NULL;
  gint64 total = -1;

  g_assert_true (sp_history_get_year_total (fixture.store, year, &total, &error));
  g_assert_no_error (error);
  return total;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_preview_commit_undo (void)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;
  GListModel *rejected;
  g_autoptr(GtkStringObject) first = NULL;
  g_autofree char *total = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *products = NULL;
  AdwComboRow *product_row = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint changed = 0;
  gulong changed_id;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  g_assert_cmpint (year_total (2025), ==, 0);
  file = write_file ("orders.csv", orders_csv, -1);
  dialog = open_dialog ();
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  wait_for_frames (dialog);
  g_assert_cmpstr (visible_page (dialog), ==, "choose");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  screenshot (dialog, "choose");
  {
    g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

    collect_mnemonics (dialog, keys);
    g_assert_cmpuint (g_hash_table_size (keys), >=, 3);
  }

  sp_history_import_dialog_load_file (SP_HISTORY_IMPORT_DIALOG (dialog), file);
  g_assert_true (sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog)));
  wait_idle (dialog);
  g_assert_cmpstr (visible_page (dialog), ==, "preview");
  g_assert_false (gtk_widget_get_visible (child (dialog, "error_group")));

  /* Four rows, one with an amount that is not a number. */
  g_assert_cmpstr (label_text (dialog, "rows_label"), ==, "4");
  g_assert_cmpstr (label_text (dialog, "accepted_label"), ==, "3");
  g_assert_cmpstr (label_text (dialog, "rejected_label"), ==, "1");
  total = sp_money_format (250050, sp_currency_lookup ("CNY"), SP_MONEY_FORMAT_DEFAULT);
  g_assert_cmpstr (label_text (dialog, "total_label"), ==, total);
  rejected = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (dialog,
                                                                         "rejected_list"))));
  g_assert_cmpuint (g_list_model_get_n_items (rejected), ==, 1);
  first = g_list_model_get_item (rejected, 0);
  g_assert_nonnull (strstr (gtk_string_object_get_string (first), "4"));
  g_assert_true (gtk_widget_get_visible (child (dialog, "rejected_group")));

  /* Everything is new in an empty workspace; the products have no column yet. */
  regions = g_strconcat ("华东", _(", "), "华南", NULL);
  g_assert_cmpstr (subtitle (dialog, "new_regions_row"), ==, regions);
  g_assert_nonnull (strstr (subtitle (dialog, "new_reps_row"), "张伟"));
  g_assert_nonnull (strstr (subtitle (dialog, "new_reps_row"), "王芳"));
  g_assert_cmpstr (subtitle (dialog, "new_products_row"), ==, _("None"));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "import_button")));

  /* The fifth column, 型号, holds the products. */
  product_row = find_combo_row (GTK_WIDGET (child (dialog, "mapping_group")),
                                g_dgettext (GETTEXT_PACKAGE, "Product"));
  g_assert_nonnull (product_row);
  g_assert_cmpuint (adw_combo_row_get_selected (product_row), ==, 0);
  adw_combo_row_set_selected (product_row, 5);
  g_assert_true (sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog)));
  wait_idle (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (product_row), ==, 5);
  products = g_strconcat ("A100", _(", "), "B200", NULL);
  g_assert_cmpstr (subtitle (dialog, "new_products_row"), ==, products);
  g_assert_cmpstr (label_text (dialog, "accepted_label"), ==, "3");

  wait_for_frames (dialog);
  screenshot (dialog, "preview");
  scroll_to_end (dialog);
  wait_for_frames (dialog);
  screenshot (dialog, "preview-end");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (dialog);
  screenshot (dialog, "preview-end-dark");
  scroll_to_start (dialog);
  wait_for_frames (dialog);
  screenshot (dialog, "preview-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The good rows go in as one undo step of the window's store, committed on the worker's
   * own connection and announced once; the dialog closes. */
  changed_id = g_signal_connect_swapped (fixture.store, "changed", G_CALLBACK (count_cb),
                                         &changed);
  g_assert_true (gtk_widget_activate_action (dialog, "history.import", NULL));
  while (dialog != NULL)
    sp_ui_spin (10);
  g_signal_handler_disconnect (fixture.store, changed_id);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (year_total (2025), ==, 250050);
  g_assert_true (sp_store_can_undo (fixture.store));
  g_assert_cmpstr (sp_store_get_undo_label (fixture.store), ==, _("Import order history"));

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  g_assert_cmpint (year_total (2025), ==, 0);
  g_assert_cmpstr (sp_store_get_redo_label (fixture.store), ==, _("Import order history"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "redo", NULL);
  g_assert_cmpint (year_total (2025), ==, 250050);
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  g_assert_cmpint (year_total (2025), ==, 0);
}

static void
test_missing_columns (void)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  file = write_file ("notes.csv", "日期,备注\n2025-01-15,hello\n", -1);
  dialog = open_dialog ();
  sp_history_import_dialog_load_file (SP_HISTORY_IMPORT_DIALOG (dialog), file);
  wait_idle (dialog);
  g_assert_cmpstr (visible_page (dialog), ==, "preview");
  g_assert_true (gtk_widget_get_visible (child (dialog, "error_group")));
  g_assert_cmpstr (label_text (dialog, "error_label"), !=, "");
  g_assert_false (gtk_widget_get_visible (child (dialog, "summary_group")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "mapping_group")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  wait_for_frames (dialog);
  screenshot (dialog, "missing-columns");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (year_total (2025), ==, 0);
}

static gboolean
tick_cb (gpointer user_data)
{
  gint64 *times = user_data;
  gint64 now = g_get_monotonic_time ();

  times[1] = MAX (times[1], now - times[0]);
  times[0] = now;
  return G_SOURCE_CONTINUE;
}

/* A large file: the main loop keeps turning while it is read, and Stop stops it. */
static void
test_large_file_stop (void)
{
  const char *rows_env = g_getenv ("SP_TEST_HISTORY_ROWS");
  guint rows = rows_env ? (guint) g_ascii_strtoull (rows_env, NULL, 10) : 400000;
  g_autoptr(GString) csv = g_string_new ("date,amount,region,rep,product\n");
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;
  gint64 times[2] = { 0, 0 };
  gint64 started;
  guint source;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (csv, "2025-%02u-%02u,%u.%02u,R%u,Rep %u,P%u\n", i % 12 + 1,
                            i % 28 + 1, 100 + i % 5000, i % 100, i % 7, i % 40, i % 30);
  file = write_file ("large.csv", csv->str, (gssize) csv->len);

  dialog = open_dialog ();
  wait_for_frames (dialog);
  times[0] = started = g_get_monotonic_time ();
  source = g_timeout_add (10, tick_cb, times);
  sp_history_import_dialog_load_file (SP_HISTORY_IMPORT_DIALOG (dialog), file);
  /* Let it read a while; the bar moves on. */
  sp_ui_spin (100);
  if (sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog)))
    {
      wait_for_frames (dialog);
      screenshot (dialog, "reading");
      /* Rendering the screenshot is the test's own stall, not the dialog's. */
      times[0] = g_get_monotonic_time ();
      times[1] = 0;
    }
  if (rows_env != NULL)
    {
      /* By hand: read it all and say how long it took and the longest stall. */
      wait_idle (dialog);
      g_test_message ("%u rows previewed in %.1f s; longest main loop gap %.0f ms", rows,
                      (g_get_monotonic_time () - started) / 1e6, times[1] / 1e3);
      g_assert_cmpstr (visible_page (dialog), ==, "preview");
      /* And import it: on the worker's connection, then one undo step of the window's
       * store; or, too large to undo, after a backup. */
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      times[0] = started = g_get_monotonic_time ();
      times[1] = 0;
      g_assert_true (gtk_widget_activate_action (dialog, "history.import", NULL));
      while (dialog != NULL)
        sp_ui_spin (10);
      g_test_message ("%u rows imported in %.1f s; longest main loop gap %.0f ms", rows,
                      (g_get_monotonic_time () - started) / 1e6, times[1] / 1e3);
      g_assert_cmpint (sp_store_can_undo (fixture.store), ==,
                       csv->len <= SP_HISTORY_IMPORT_UNDO_MAX_BYTES);
      g_source_remove (source);
      g_assert_cmpint (times[1], <, 1 * G_USEC_PER_SEC);
      return;
    }
  else
    {
      /* On a fast machine the preview may be done before Stop: then there is nothing to
       * stop and the preview stays. */
      gboolean was_busy = sp_history_import_dialog_get_busy (SP_HISTORY_IMPORT_DIALOG (dialog));

      gtk_widget_activate_action (dialog, "history.stop", NULL);
      wait_idle (dialog);
      g_assert_cmpstr (visible_page (dialog), ==, was_busy ? "choose" : "preview");
      g_test_message ("longest main loop gap while reading: %.0f ms", times[1] / 1e3);
    }
  g_source_remove (source);
  /* A frame or two, not the file: the reading happens in the worker. */
  g_assert_cmpint (times[1], <, 1 * G_USEC_PER_SEC);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-hist-ui-XXXXXX", FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/history-import/preview-commit-undo", test_preview_commit_undo);
  g_test_add_func ("/ui/history-import/missing-columns", test_missing_columns);
  g_test_add_func ("/ui/history-import/large-file-stop", test_large_file_stop);

  return sp_ui_test_run (&fixture, setup);
}
