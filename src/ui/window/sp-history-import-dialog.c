/* sp-history-import-dialog.c — imports history orders from a CSV file: a preview to check
 * and adjust (columns, encoding, date order), then one commit
 *
 * Both passes run in a worker thread on a connection of its own (sp-history-import-dialog-job.c)
 * with a progress bar and a Stop button, so a file of a million rows never freezes the window;
 * the window's store then records the commit as one undo step. Any change of a
 * choice reads the file again; the Import button stays off until a preview has found rows
 * to import. The commit imports the rows the preview accepted and skips the rejected ones
 * it listed; on any error nothing is written and the dialog stays open with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-history-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-history-import-dialog-private.h"
#include "sp-history-import-dialog.h"

G_DEFINE_FINAL_TYPE (SpHistoryImportDialog, sp_history_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_preview (SpHistoryImportDialog *self);

static void
update_actions (SpHistoryImportDialog *self)
{
  gboolean busy = self->task != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.import",
                                 !busy && self->preview != NULL
                                 && self->preview->rows_accepted > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.stop", busy);
}

static void
show_error (SpHistoryImportDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Column mapping                                                                              */

static void
mapping_changed_cb (AdwComboRow           *row,
                    GParamSpec            *pspec,
                    SpHistoryImportDialog *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  const SpCsvField *fields = sp_csv_history_fields (NULL);
  g_autofree char *prefix = g_strconcat (fields[field].name, "=", NULL);

  if (self->updating)
    return;

  /* The latest choice goes last, so it wins a column that an earlier one also named. */
  for (guint i = self->overrides->len; i > 0; i--)
    if (g_str_has_prefix (g_ptr_array_index (self->overrides, i - 1), prefix))
      g_ptr_array_remove_index (self->overrides, i - 1);
  g_ptr_array_add (self->overrides,
                   _sp_history_import_dialog_mapping_spec (self, field, adw_combo_row_get_selected (row)));
  start_preview (self);
}

/* ------------------------------------------------------------------------------------------ */
/* Jobs                                                                                        */

static gboolean
progress_tick_cb (gpointer user_data)
{
  SpHistoryImportDialog *self = user_data;
  SpHistoryJob *job = g_task_get_task_data (self->task);

  gtk_progress_bar_set_fraction (self->busy_progress,
                                 g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static char *
dup_file_name (SpHistoryImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  return g_filename_display_name (name);
}

static void
set_busy (SpHistoryImportDialog *self,
          GTask                 *task,
          const char            *title)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->task);
  if (task != NULL)
    {
      self->task = task;
      adw_status_page_set_title (self->busy_page, title);
      gtk_progress_bar_set_fraction (self->busy_progress, 0.0);
      gtk_stack_set_visible_child_name (self->stack, "busy");
      self->progress_source = g_timeout_add (100, progress_tick_cb, self);
    }
  else
    g_clear_object (&self->cancellable);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static SpHistoryJob *
new_job (SpHistoryImportDialog *self)
{
  SpHistoryJob *job = _sp_history_job_new ();

  job->file = g_object_ref (self->file);
  job->encoding = (SpCsvEncoding) adw_combo_row_get_selected (self->encoding_row);
  job->date_order = (SpCsvDateOrder) adw_combo_row_get_selected (self->date_order_row);
  job->overrides = g_new0 (char *, self->overrides->len + 1);
  for (guint i = 0; i < self->overrides->len; i++)
    job->overrides[i] = g_strdup (g_ptr_array_index (self->overrides, i));
  return job;
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (object);
  g_autoptr(GTask) task = g_object_ref (G_TASK (result));
  SpHistoryJob *job = g_task_get_task_data (task);
  gboolean headers_changed;

  if (self->disposed)
    return;
  set_busy (self, NULL, NULL);
  if (self->rerun)
    {
      self->rerun = FALSE;
      start_preview (self);
      return;
    }

  g_clear_pointer (&self->preview, sp_history_preview_free);
  if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped: what was shown no longer matches the choices, start over. */
      g_clear_object (&self->file);
      g_clear_pointer (&self->headers, g_strfreev);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      update_actions (self);
      return;
    }

  headers_changed = job->headers == NULL || self->headers == NULL
                    || !g_strv_equal ((const char * const *) job->headers,
                                      (const char * const *) self->headers);
  g_strfreev (self->headers);
  self->headers = g_steal_pointer (&job->headers);
  _sp_history_import_dialog_show_mapping (self, job->columns, headers_changed);
  if (job->error == NULL)
    self->preview = g_steal_pointer (&job->preview);
  show_error (self, job->error ? job->error->message : NULL);
  _sp_history_import_dialog_show_preview (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
}

static void
start_preview (SpHistoryImportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  SpHistoryJob *job;

  if (self->file == NULL || self->committing)
    return;
  if (self->task != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->rerun = TRUE;
      return;
    }

  job = new_job (self);
  job->workspace = g_strdup (sp_store_get_path (self->store));
  self->cancellable = g_cancellable_new ();
  name = dup_file_name (self);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  set_busy (self, _sp_history_job_run (self, job, self->cancellable, preview_done_cb, NULL),
            title);
}

static void
commit_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (object);
  g_autoptr(GTask) task = g_object_ref (G_TASK (result));
  SpHistoryJob *job = g_task_get_task_data (task);

  /* Committed on the worker's connection: the window's store records it (one undo step, or
   * a cleared history after a backup) and announces it, closed dialog or not. */
  if (job->error == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sp_history_import_record (self->store, job->preview, &error))
        g_warning ("The import cannot be undone: %s", error->message);
    }
  g_application_release (g_application_get_default ());
  self->committing = FALSE;

  if (self->disposed)
    return;
  set_busy (self, NULL, NULL);

  if (job->error == NULL)
    {
      g_object_ref (self);
      g_signal_emit (self, signals[IMPORTED], 0, job->preview->rows_accepted,
                     job->preview->backup_path);
      gtk_window_destroy (GTK_WINDOW (self));
      g_object_unref (self);
      return;
    }
  if (self->close_after)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "preview");
  if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The import was stopped. Nothing was imported."));
  else
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"),
                                                  job->error->message);

      show_error (self, message);
    }
  update_actions (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  SpHistoryJob *job;

  if (self->task != NULL || self->preview == NULL || self->preview->rows_accepted == 0)
    return;

  job = new_job (self);
  job->commit = TRUE;
  job->workspace = g_strdup (sp_store_get_path (self->store));
  self->committing = TRUE;
  self->cancellable = g_cancellable_new ();
  show_error (self, NULL);

  /* A closed window still waits for its worker to finish before the process ends. */
  g_application_hold (g_application_get_default ());
  name = dup_file_name (self);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Importing “%s”…"), name);
  set_busy (self, _sp_history_job_run (self, job, self->cancellable, commit_done_cb, NULL),
            title);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (widget);

  self->rerun = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                       */

void
sp_history_import_dialog_load_file (SpHistoryImportDialog *self,
                                    GFile                 *file)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (SP_IS_HISTORY_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->committing)
    return;

  g_set_object (&self->file, file);
  /* Another file has other headers: the choices made for the last one do not apply. */
  g_ptr_array_set_size (self->overrides, 0);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->preview, sp_history_preview_free);

  name = g_file_get_basename (file);
  display = g_filename_display_name (name);
  parent = g_file_get_parent (file);
  folder = parent ? g_file_get_parse_name (parent) : NULL;
  adw_window_title_set_subtitle (self->window_title, display);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), display);
  adw_action_row_set_subtitle (self->file_row, folder ? folder : "");
  start_preview (self);
}

static void
chooser_response_cb (SpHistoryImportDialog *self,
                     int                    response,
                     GtkFileChooserNative  *native)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (file != NULL && !self->disposed)
    sp_history_import_dialog_load_file (self, file);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Order History"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget         *target,
         const GValue          *value,
         double                 x,
         double                 y,
         SpHistoryImportDialog *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->committing)
    return FALSE;
  sp_history_import_dialog_load_file (self, g_value_get_object (value));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Construction                                                                                */

static void
choice_changed_cb (SpHistoryImportDialog *self)
{
  if (!self->updating)
    start_preview (self);
}

static void
rejected_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
rejected_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static gboolean
sp_history_import_dialog_close_request (GtkWindow *window)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->rerun = FALSE;
  /* The commit rolls back first; the window goes once it has. */
  if (self->committing)
    {
      self->close_after = TRUE;
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sp_history_import_dialog_parent_class)->close_request (window);
}

static void
sp_history_import_dialog_dispose (GObject *object)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_HISTORY_IMPORT_DIALOG);

  G_OBJECT_CLASS (sp_history_import_dialog_parent_class)->dispose (object);
}

static void
sp_history_import_dialog_finalize (GObject *object)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_strfreev (self->headers);
  g_ptr_array_unref (self->overrides);
  g_clear_pointer (&self->preview, sp_history_preview_free);
  g_clear_object (&self->rejected_model);

  G_OBJECT_CLASS (sp_history_import_dialog_parent_class)->finalize (object);
}

static void
sp_history_import_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SpHistoryImportDialog *self = SP_HISTORY_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sp_history_import_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_history_import_dialog_class_init (SpHistoryImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_history_import_dialog_dispose;
  object_class->finalize = sp_history_import_dialog_finalize;
  object_class->get_property = sp_history_import_dialog_get_property;
  window_class->close_request = sp_history_import_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The orders imported, and the backup that undoes a large import (NULL: win.undo). */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64,
                                    G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/sp-history-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, accepted_label);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, rejected_group);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, rejected_list);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, new_group);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, new_regions_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, new_reps_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog, new_products_row);
  gtk_widget_class_bind_template_child (widget_class, SpHistoryImportDialog,
                                        new_customer_types_row);

  gtk_widget_class_install_action (widget_class, "history.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "history.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "history.stop", NULL, stop_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_history_import_dialog_init (SpHistoryImportDialog *self)
{
  const SpCsvField *fields = sp_csv_history_fields (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop;
  AdwActionRow *plain_rows[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->overrides = g_ptr_array_new_with_free_func (g_free);

  /* Names and file names are text, not markup. */
  plain_rows[0] = self->file_row;
  plain_rows[1] = self->new_regions_row;
  plain_rows[2] = self->new_reps_row;
  plain_rows[3] = self->new_products_row;
  plain_rows[4] = self->new_customer_types_row;
  plain_rows[5] = NULL;
  for (guint i = 0; plain_rows[i] != NULL; i++)
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (plain_rows[i]), FALSE);

  for (guint f = 0; f < SP_CSV_HISTORY_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dgettext (GETTEXT_PACKAGE, fields[f].label));
      if (fields[f].required)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self,
                               0);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      self->mapping_rows[f] = row;
    }
  g_signal_connect_object (self->encoding_row, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_order_row, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);

  self->rejected_model = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (rejected_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (rejected_bind_cb), NULL);
  gtk_list_view_set_factory (self->rejected_list, factory);
  gtk_list_view_set_model (self->rejected_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             G_LIST_MODEL (g_object_ref (self->rejected_model)))));

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_stack_set_visible_child_name (self->stack, "choose");
  update_actions (self);
}

GtkWidget *
sp_history_import_dialog_new (GtkWindow *parent,
                              SpStore   *store)
{
  SpHistoryImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  self = g_object_new (SP_TYPE_HISTORY_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

gboolean
sp_history_import_dialog_get_busy (SpHistoryImportDialog *self)
{
  g_return_val_if_fail (SP_IS_HISTORY_IMPORT_DIALOG (self), FALSE);

  return self->task != NULL;
}
