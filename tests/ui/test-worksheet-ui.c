/* test-worksheet-ui.c — the Targets view's worksheet on the demo workspace: the proposal, the
 * commitments and the gap as the model formats them, edits through the entries and undo, a
 * refused value, the OGSMT lists, and screenshots for people to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-worksheet-ui"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-window-private.h"
#include "sp-worksheet-page-private.h"

static struct
{
  gboolean       have_display;
  char          *dir;
  char          *shots;
  const char    *suffix;
  SpStore       *store;
  SpApplication *app;
  SpWindow      *window;
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
  /* Another view's minimum size may keep the window wider than asked: then the pictures
   * say so in their names. */
  while (width > 0
         && (ABS (gtk_widget_get_width (widget) - width) > 16
             || ABS (gtk_widget_get_height (widget) - height) > 16)
         && g_get_monotonic_time () < deadline - 15 * G_USEC_PER_SEC)
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
screenshot (GtkWidget  *widget,
            const char *name,
            int         shot_width,
            int         shot_height)
{
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
  if (ABS (width - shot_width) > 16 || ABS (height - shot_height) > 16)
    {
      g_test_message ("the window is %dx%d, not %dx%d", width, height, shot_width, shot_height);
      shot_width = width;
      shot_height = height;
    }
  file = g_strdup_printf ("%s-%dx%d%s.png", name, shot_width, shot_height, fixture.suffix);
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

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static SpWorksheetPage *
page (void)
{
  GtkWidget *found = find_widget (GTK_WIDGET (fixture.window->targets_page),
                                  SP_TYPE_WORKSHEET_PAGE);

  g_assert_nonnull (found);
  return SP_WORKSHEET_PAGE (found);
}

static void
show_worksheet (void)
{
  GtkWidget *widget = GTK_WIDGET (page ());

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("targets"));
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (widget)), widget);
  /* The page reads the workspace when it is shown. */
  for (guint i = 0; i < 500 && !gtk_widget_get_mapped (widget); i++)
    spin (10);
  g_assert_true (gtk_widget_get_mapped (widget));
}

/* A fresh snapshot straight from the store, not the page's. */
static SpWorksheet *
load_worksheet (void)
{
  g_autoptr(GError) error = NULL;
  SpWorksheet *ws = sp_worksheet_load (fixture.store, page ()->plan_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static const SpCurrency *
currency (void)
{
  return sp_preferences_get_currency (sp_window_get_preferences (fixture.window));
}

static char *
money (gint64 amount)
{
  return sp_money_format (amount, currency (), SP_MONEY_FORMAT_DEFAULT);
}

/* "+¥1.00" above the target, "-¥1.00" below. */
static char *
signed_money (gint64 amount)
{
  g_autofree char *text = money (amount);

  return amount > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static void
undo (void)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  spin (20);
}

static void
type_into (Field      *f,
           const char *text)
{
  gtk_widget_grab_focus (f->widget);
  gtk_editable_set_text (GTK_EDITABLE (f->widget), text);
  g_signal_emit_by_name (f->widget, "activate");
  spin (10);
}

/* Every figure the page shows is the model's, formatted the one way. */
static void
assert_labels (SpWorksheet *ws)
{
  SpWorksheetPage *p = page ();
  g_autofree char *proposed = money (sp_worksheet_get_proposed (ws));
  g_autofree char *committed = money (sp_worksheet_get_committed (ws));
  g_autofree char *target = money (sp_worksheet_get_target (ws));
  g_autofree char *gap = signed_money (-sp_worksheet_get_gap (ws));
  g_autofree char *basis = money (sp_worksheet_get_basis (ws));

  g_assert_cmpstr (gtk_label_get_label (p->proposed_label), ==, proposed);
  g_assert_cmpstr (gtk_label_get_label (p->total_committed), ==, committed);
  g_assert_cmpstr (gtk_label_get_label (p->total_target), ==, target);
  g_assert_cmpstr (gtk_label_get_label (p->total_gap), ==, gap);
  g_assert_cmpstr (gtk_label_get_label (p->basis_label), ==, basis);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (p->total_gap),
                                           sp_worksheet_get_gap (ws) > 0 ? "error" : "success"));

  g_assert_cmpuint (p->region_rows->len, ==, sp_worksheet_get_n_region_sums (ws));
  for (guint i = 0; i < p->region_rows->len; i++)
    {
      const SpWorksheetRegionSum *sum = sp_worksheet_get_region_sum (ws, i);
      RegionRow *row = &g_array_index (p->region_rows, RegionRow, i);
      g_autofree char *region_gap = signed_money (-sum->gap);

      if (sum->gap != 0)
        g_assert_nonnull (strstr (gtk_label_get_label (row->gap), region_gap));
    }
}

static void
test_shown (void)
{
  g_autoptr(SpWorksheet) ws = NULL;
  SpWorksheetPage *p;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  show_worksheet ();
  resize (1024, 768);
  p = page ();
  g_assert_cmpint (p->plan_id, !=, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->stack), ==, "content");
  ws = load_worksheet ();
  /* The demo fills every part of the worksheet. */
  g_assert_cmpuint (sp_worksheet_get_n_commitments (ws), >, 0);
  g_assert_cmpint (sp_worksheet_get_committed (ws), >, 0);
  g_assert_cmpuint (sp_worksheet_get_n_ogsmt (ws), >, 0);
  assert_labels (ws);
  g_assert_cmpuint (p->commit_fields->len, ==, sp_worksheet_get_n_commitments (ws));
  for (guint i = 0; i < p->commit_fields->len; i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (ws, i);
      Field *f = g_ptr_array_index (p->commit_fields, i);
      g_autofree char *text = c->has_commitment
        ? sp_money_format (c->amount, currency (), SP_MONEY_FORMAT_NO_SYMBOL) : g_strdup ("");

      g_assert_cmpint (f->id, ==, c->rep_id);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, text);
    }
}

/* Growth typed and Enter, a commitment typed and Enter: the model has them, the labels follow;
 * undo takes each back. */
static void
test_edit_and_undo (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) grown = NULL;
  g_autoptr(SpWorksheet) committed = NULL;
  g_autoptr(SpWorksheet) undone = NULL;
  SpWorksheetPage *p;
  Field *first;
  const SpWorksheetCommitment *c;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (before), !=, 1250);

  type_into (p->growth, "12.5%");
  grown = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (grown), ==, 1250);
  g_assert_cmpint (sp_worksheet_get_growth_effect (grown), ==,
                   sp_money_apply_percent (sp_worksheet_get_basis (grown), 1250));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "12.5");
  g_assert_null (p->growth->message);
  assert_labels (grown);

  first = g_ptr_array_index (p->commit_fields, 0);
  type_into (first, "1,234,567.89");
  committed = load_worksheet ();
  c = sp_worksheet_get_commitment (committed, 0);
  g_assert_true (c->has_commitment);
  g_assert_cmpint (c->amount, ==, 123456789);
  g_assert_cmpint (sp_worksheet_get_committed (committed), ==,
                   sp_worksheet_get_committed (grown)
                   - sp_worksheet_get_commitment (grown, 0)->amount + 123456789);
  assert_labels (committed);

  undo ();
  undone = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_committed (undone), ==, sp_worksheet_get_committed (grown));
  assert_labels (undone);
  g_clear_pointer (&undone, sp_worksheet_unref);

  undo ();
  undone = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (undone), ==, sp_worksheet_get_growth_bp (before));
  g_assert_cmpint (sp_worksheet_get_proposed (undone), ==, sp_worksheet_get_proposed (before));
  assert_labels (undone);
  {
    g_autofree char *growth = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (before));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, growth);
  }
}

/* Text the parser or the model refuses stays, marked, and nothing changes. */
static void
test_refused (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) after = NULL;
  g_autofree char *growth = NULL;
  SpWorksheetPage *p;
  gboolean could_undo;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  could_undo = sp_store_can_undo (fixture.store);
  growth = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (before));

  type_into (p->growth, "abc");
  g_assert_nonnull (p->growth->message);
  g_assert_true (gtk_widget_has_css_class (p->growth->widget, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "abc");
  /* Out of the model's range: its own message. */
  type_into (p->growth, "-150");
  g_assert_nonnull (p->growth->message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (p->growth_entry)), ==, "-150");
  after = load_worksheet ();
  g_assert_cmpint (sp_worksheet_get_growth_bp (after), ==, sp_worksheet_get_growth_bp (before));
  g_assert_cmpint (sp_store_can_undo (fixture.store), ==, could_undo);

  /* Back to a good value: the mark goes. */
  type_into (p->growth, growth);
  g_assert_null (p->growth->message);
  g_assert_false (gtk_widget_has_css_class (p->growth->widget, "error"));

  /* A commitment that is not money; then its own text again. */
  {
    Field *f = g_ptr_array_index (p->commit_fields, 1);
    g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget)));

    type_into (f, "12x");
    g_assert_nonnull (f->message);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, "12x");
    type_into (f, shown);
    g_assert_null (f->message);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->widget)), ==, shown);
  }
}

static guint
n_of_kind (SpWorksheet *ws,
           SpOgsmtKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (ws); i++)
    n += sp_worksheet_get_ogsmt (ws, i)->kind == kind;
  return n;
}

/* A goal added from its entry, moved up with its button, given an amount, removed; undo. */
static void
test_ogsmt (void)
{
  g_autoptr(SpWorksheet) before = NULL;
  g_autoptr(SpWorksheet) after = NULL;
  SpWorksheetPage *p;
  GtkWidget *add_entry;
  GArray *rows;
  guint n;
  OgsmtRow *last;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  show_worksheet ();
  p = page ();
  before = load_worksheet ();
  n = n_of_kind (before, SP_OGSMT_GOAL);
  rows = p->ogsmt_rows[SP_OGSMT_GOAL];
  g_assert_cmpuint (rows->len, ==, n);

  add_entry = g_object_get_data (G_OBJECT (p->ogsmt_lists[SP_OGSMT_GOAL]), "add-entry");
  gtk_editable_set_text (GTK_EDITABLE (add_entry), "Win 3 strategic accounts");
  g_signal_emit_by_name (add_entry, "activate");
  after = load_worksheet ();
  g_assert_cmpuint (n_of_kind (after, SP_OGSMT_GOAL), ==, n + 1);
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_entry)), ==, "");
  last = &g_array_index (rows, OgsmtRow, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last->text->widget)), ==,
                   "Win 3 strategic accounts");
  g_assert_false (gtk_widget_get_sensitive (last->down));

  type_into (last->value, "300000");
  g_clear_pointer (&after, sp_worksheet_unref);
  after = load_worksheet ();
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (after); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (after, i);

      if (g_str_equal (item->text, "Win 3 strategic accounts"))
        {
          g_assert_true (item->has_target);
          g_assert_cmpint (item->target_value, ==, 300000 * 100);
          g_assert_cmpint (item->position, ==, (int) n);
        }
    }

  if (n > 0)
    {
      gint64 id = g_array_index (rows, OgsmtRow, n).id;

      g_signal_emit_by_name (g_array_index (rows, OgsmtRow, n).up, "clicked");
      g_assert_cmpint (g_array_index (rows, OgsmtRow, n - 1).id, ==, id);
      undo ();
      g_assert_cmpint (g_array_index (rows, OgsmtRow, n).id, ==, id);
    }

  g_signal_emit_by_name (g_array_index (rows, OgsmtRow, n).remove, "clicked");
  g_assert_cmpuint (rows->len, ==, n);
  undo ();
  g_assert_cmpuint (rows->len, ==, n + 1);
  undo ();
  undo ();
  g_assert_cmpuint (rows->len, ==, n);
}

static void
scroll_to (GtkWidget *widget)
{
  SpWorksheetPage *p = page ();
  GtkWidget *content = gtk_scrolled_window_get_child (p->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (p->scroller);
  double x = 0, y = 0;

  if (widget != NULL)
    g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  /* The viewport's coordinates move with the scrolling. */
  gtk_adjustment_set_value (adjustment,
                            widget ? MAX (0, gtk_adjustment_get_value (adjustment) + y - 12) : 0);
}

static void
shoot_parts (const char *variant,
             int         width,
             int         height)
{
  SpWorksheetPage *p = page ();
  struct { const char *name; GtkWidget *widget; } parts[] = {
    { "worksheet-basis", NULL },
    { "worksheet-bases", GTK_WIDGET (p->bases_grid) },
    { "worksheet-proposal", GTK_WIDGET (p->calc_grid) },
    { "worksheet-commitments", GTK_WIDGET (p->commit_list) },
    { "worksheet-ogsmt", GTK_WIDGET (p->ogsmt_box) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%s", parts[i].name, variant);

      scroll_to (parts[i].widget ? gtk_widget_get_parent (parts[i].widget) : NULL);
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      scroll_to (parts[i].widget ? gtk_widget_get_parent (parts[i].widget) : NULL);
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      screenshot (GTK_WIDGET (fixture.window), name, width, height);
    }
  scroll_to (NULL);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window;
  SpWorksheetPage *p;

  if (!fixture.have_display)
    {
      g_test_skip ("no display (DISPLAY / WAYLAND_DISPLAY unset)");
      return;
    }

  window = GTK_WIDGET (fixture.window);
  show_worksheet ();
  p = page ();
  /* The first region open on its reps, as a manager would show them. */
  if (p->region_rows->len > 0)
    adw_expander_row_set_expanded (g_array_index (p->region_rows, RegionRow, 0).row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (p->stack));
  _sp_worksheet_page_dismiss_toast (p);

  resize (1280, 800);
  shoot_parts ("", 1280, 800);
  resize (1024, 768);
  shoot_parts ("", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_parts ("-dark", 1024, 768);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  resize (1024, 768);
  shoot_parts ("-presentation", 1024, 768);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
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
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;

  fixture.dir = g_dir_make_tmp ("sp-ws-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture.dir, "workspace.db", NULL);
  fixture.store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  sp_demo_generate (fixture.store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &today,
                    NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  fixture.app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (fixture.app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (fixture.app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture.window = sp_window_new (fixture.app, fixture.store);
  gtk_window_present (GTK_WINDOW (fixture.window));
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
  fixture.suffix = g_getenv ("SP_SCREENSHOT_SUFFIX") ? g_getenv ("SP_SCREENSHOT_SUFFIX") : "";
  fixture.shots = g_strdup (g_getenv ("SP_SCREENSHOT_DIR"));
  if (fixture.shots == NULL)
    fixture.shots = g_build_filename (g_get_tmp_dir (), "sp-screenshots", NULL);
  g_mkdir_with_parents (fixture.shots, 0755);

  g_test_add_func ("/worksheet-ui/shown", test_shown);
  g_test_add_func ("/worksheet-ui/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/worksheet-ui/refused", test_refused);
  g_test_add_func ("/worksheet-ui/ogsmt", test_ogsmt);
  g_test_add_func ("/worksheet-ui/screenshots", test_screenshots);

  if (fixture.have_display)
    setup ();
  status = g_test_run ();
  if (fixture.have_display)
    teardown ();
  g_free (fixture.shots);

  return status;
}
