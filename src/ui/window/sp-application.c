/* sp-application.c — the Sales Planner application: opens workspaces, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-about.h"
#include "sp-application.h"
#include "sp-preferences-window.h"
#include "sp-window.h"
#include "sp-window-io.h"

struct _SpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "file", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace at PATH instead of the default one"), N_("PATH") },
  /* Files (Exec=sales-planner %U) passes the .salesplan files opened there. */
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL,
    N_("[FILE…]") },
  { NULL }
};

static SpWindow *
find_window (SpApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SP_IS_WINDOW (l->data)
          && g_strcmp0 (sp_store_get_path (sp_window_get_store (l->data)), path) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
has_workspace_window (SpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SP_IS_WINDOW (l->data))
        return TRUE;
    }

  return FALSE;
}

static SpWindow *
get_active_workspace_window (SpApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SP_IS_WINDOW (active))
    return SP_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (SP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
open_chooser_response_cb (SpApplication        *self,
                          int                   response,
                          GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        sp_application_open_workspace (self, path);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  g_application_release (G_APPLICATION (self));
}

static void
choose_workspace (SpApplication *self,
                  GtkWindow     *parent)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) ours = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Workspace"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (ours, _("Sales Planner Workspaces"));
  gtk_file_filter_add_pattern (ours, "*" SP_STORE_FILE_SUFFIX);
  gtk_file_filter_add_pattern (ours, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), ours);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  /* No window may be left while the portal is up: keep the application alive. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (native, "response", G_CALLBACK (open_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_error_response_cb (SpApplication    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "open") == 0)
    choose_workspace (self, NULL);
}

static void
show_open_error (SpApplication *self,
                 const char    *path,
                 const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;
  g_autofree char *name = g_filename_display_basename (path);
  gboolean others = has_workspace_window (self);

  /* Without a parent when it is the first window: libadwaita logs a message then. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Cannot Open the Workspace"),
                                                       NULL));
  /* Translators: the first %s is the reason, the second the file's name. */
  adw_message_dialog_format_body (dialog, _("%s\n\n“%s” was not changed."),
                                  error->message, name);
  adw_message_dialog_add_responses (dialog,
                                    "quit", others ? _("_Close") : _("_Quit"),
                                    "open", _("_Open Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "quit");
  /* The dialog may be the only window: it keeps the application running. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_failed_cb (SpStore      *store,
                 const GError *error,
                 SpWindow     *window)
{
  SpApplication *self = SP_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autofree char *path = g_strdup (sp_store_get_path (store));

  /* Keep the application alive while the only window goes and the message comes up. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_destroy (GTK_WINDOW (window));
  show_open_error (self, path, error);
  g_application_release (G_APPLICATION (self));
}

/* For the start-up benchmark (tests/ui/bench-startup.c): with
 * SALES_PLANNER_REPORT_FIRST_FRAME set, print the wall-clock time (µs) of the window's first
 * painted frame and of the first moment the main loop is idle after it, then quit. */
static gboolean
report_idle_cb (gpointer user_data)
{
  GtkWindow *window = user_data;

  g_print ("idle-us %lld\n", (long long) g_get_real_time ());
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
report_after_paint_cb (GdkFrameClock *clock,
                       GtkWindow     *window)
{
  g_print ("first-frame-us %lld\n", (long long) g_get_real_time ());
  g_signal_handlers_disconnect_by_func (clock, report_after_paint_cb, window);
  g_idle_add_full (G_PRIORITY_LOW, report_idle_cb, g_object_ref (window), g_object_unref);
}

static void
report_first_frame (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (report_after_paint_cb), window, 0);
}

void
sp_application_open_workspace (SpApplication *self,
                               const char    *path)
{
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SpWindow *window;
  gboolean first_run;

  g_return_if_fail (SP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if ((window = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  first_run = !g_file_test (path, G_FILE_TEST_EXISTS);

  /* The quick_check of a large workspace runs while the window first draws; edits wait for
   * it, and a damaged file closes the window with the same message as at open. */
  if (!(store = sp_store_open_checking_later (path, &error)))
    {
      g_debug ("Cannot open %s: %s", path, error->message);
      show_open_error (self, path, error);
      return;
    }

  window = sp_window_new (self, store);
  g_signal_connect_object (store, "check-failed", G_CALLBACK (check_failed_cb), window, 0);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("SALES_PLANNER_REPORT_FIRST_FRAME") != NULL)
    report_first_frame (GTK_WINDOW (window));

  if (first_run)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
      sp_window_fill_demo (window, &today);
    }
}

static void
open_file_response_cb (SpWindow         *window,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  SpApplication *self = SP_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "open") == 0 && self != NULL)
    sp_application_open_workspace (self, path);
  else if (g_strcmp0 (response, "import") == 0 && !sp_window_import_file (window, path))
    sp_window_add_toast (window, adw_toast_new (_("The workspace is busy: import the file "
                                                  "again when the work in progress is done")));
}

/* A .salesplan file opened from Files or given on the command line: open it as a workspace
 * of its own, or import it into the current one (undoable from the toast). */
static void
ask_open_file (SpApplication *self,
               const char    *path)
{
  SpWindow *window = find_window (self, path);
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = get_active_workspace_window (self);
  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = get_active_workspace_window (self);
    }
  /* The default workspace could not be opened: this file can still be. */
  if (window == NULL)
    {
      sp_application_open_workspace (self, path);
      return;
    }

  name = g_filename_display_basename (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), NULL, NULL));
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (dialog, _("Open “%s”?"), name);
  adw_message_dialog_set_body (dialog,
                               _("Open it as a workspace in its own window, or import it into "
                                 "the current workspace, replacing its data. A backup is kept "
                                 "and the import can be undone."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Into Current"),
                                    "open", _("_Open as Workspace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_file_response_cb), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_warning ("Not a local file: %s", uri);
          continue;
        }
      ask_open_file (self, path);
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SpApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing (rather than destroying) lets each window save its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Sales Planner developers"), NULL };
  AdwAboutWindow *about;

  /* Summary, version, release notes, homepage and bug tracker: what the metainfo says. */
  about = sp_about_window_new_from_appdata (RESOURCE_PREFIX "/metainfo.xml");
  if (about == NULL)
    about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "application-name", _("Sales Planner"),
                "application-icon", APP_ID,
                "developers", developers,
                "copyright", _("© 2026 The Sales Planner developers"),
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: your name and email, one translator a line. */
                "translator-credits", _("translator-credits"),
                NULL);
  if (g_strcmp0 (adw_about_window_get_version (about), "") == 0)
    adw_about_window_set_version (about, VERSION);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_application (GTK_WINDOW (about), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SpApplication *self = user_data;
  SpWindow *window = get_active_workspace_window (self);
  GtkWindow *prefs;

  if (window == NULL)
    return;

  prefs = sp_preferences_window_new (sp_window_get_workspace (window));
  gtk_window_set_transient_for (prefs, GTK_WINDOW (window));
  gtk_window_present (prefs);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SpApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  /* The .ui names its translation domain itself. (Setting it on the builder as well makes
   * GTK 4.8 read freed memory.) */
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/sp-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.presentation", { "F5", NULL } },
  { "win.show-view('targets')", { "<Alt>1", NULL } },
  { "win.show-view('worklog')", { "<Alt>2", NULL } },
  { "win.show-view('workload')", { "<Alt>3", NULL } },
  { "win.show-view('funnel')", { "<Alt>4", NULL } },
  { "win.show-view('dashboard')", { "<Alt>5", NULL } },
  { "win.show-view('meetings')", { "<Alt>6", NULL } },
};

static void
sp_application_startup (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void
sp_application_activate (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  SpWindow *window = get_active_workspace_window (self);
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  path = sp_store_default_path ();
  sp_application_open_workspace (self, path);
}

static int
sp_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  SpApplication *self = SP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *arg = NULL;
  g_autofree const char **remaining = NULL;

  if (g_variant_dict_lookup (options, "file", "^ay", &arg))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, arg);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_application_command_line_printerr (cmdline, _("Not a local file: %s\n"), arg);
          return EXIT_FAILURE;
        }

      sp_application_open_workspace (self, path);
      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining))
        return EXIT_SUCCESS;
    }

  if (remaining != NULL
      || g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; remaining[i] != NULL; i++)
        g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline,
                                                                                remaining[i]));
      if (files->len > 0)
        {
          g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
          return EXIT_SUCCESS;
        }
    }

  g_application_activate (app);
  return EXIT_SUCCESS;
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
  app_class->command_line = sp_application_command_line;
  app_class->open = sp_application_open;
}

static void
sp_application_init (SpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan sales targets and run the team on them."));
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE
                                | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
