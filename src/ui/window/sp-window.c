/* sp-window.c — the main window: sidebar, views, undo/redo, presentation mode, window state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-dashboard-page.h"
#include "sp-meetings-page.h"
#include "sp-funnel-page.h"
#include "sp-page.h"
#include "sp-window-private.h"
#include "sp-worklog-page.h"
#include "sp-workload-page.h"

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Uninstalled test runs may have no compiled schema: the window then simply does not
   * remember its state. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window state is not saved", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
set_action_enabled (SpWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static gboolean
is_busy (SpWindow *self)
{
  return self->workspace != NULL && sp_workspace_get_busy (self->workspace);
}

static void
update_undo_actions (SpWindow *self)
{
  const char *undo_label = sp_store_get_undo_label (self->store);
  const char *redo_label = sp_store_get_redo_label (self->store);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  set_action_enabled (self, "undo", !is_busy (self) && sp_store_can_undo (self->store));
  set_action_enabled (self, "redo", !is_busy (self) && sp_store_can_redo (self->store));

  /* Translators: %s names the edit, e.g. Undo “Set targets” */
  undo_tip = undo_label ? g_strdup_printf (_("Undo “%s”"), undo_label) : g_strdup (_("Undo"));
  /* Translators: %s names the edit, e.g. Redo “Set targets” */
  redo_tip = redo_label ? g_strdup_printf (_("Redo “%s”"), redo_label) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
store_changed_cb (SpWindow *self)
{
  update_undo_actions (self);
}

static void
show_toast (SpWindow   *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SpWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_store_undo (self->store, &error))
    show_toast (self, error->message);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SpWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_store_redo (self->store, &error))
    show_toast (self, error->message);
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SpWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_debug ("No view named %s", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
update_presentation_css (SpWindow *self)
{
  GtkSettings *gtk_settings = gtk_widget_get_settings (GTK_WIDGET (self));
  double scale = 1.4;
  int xft_dpi = -1;
  char dpi[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  if (self->settings != NULL)
    scale = g_settings_get_double (self->settings, "presentation-font-scale");
  g_object_get (gtk_settings, "gtk-xft-dpi", &xft_dpi, NULL);

  /* Text sizes are in points, so a higher DPI on the window scales every label, the
   * headings included, without touching each style class. */
  g_ascii_formatd (dpi, sizeof dpi, "%.1f", (xft_dpi > 0 ? xft_dpi / 1024.0 : 96.0) * scale);
  css = g_strdup_printf ("window.presentation { -gtk-dpi: %s; }", dpi);

  if (self->presentation_css == NULL)
    {
      self->presentation_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->presentation_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_css_provider_load_from_data (self->presentation_css, css, -1);
}

static void
set_presenting (SpWindow *self,
                gboolean  presenting)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (presenting)
    {
      update_presentation_css (self);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->sidebar, FALSE);
      gtk_widget_set_visible (self->sidebar_separator, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      if (app != NULL && self->inhibit_cookie == 0)
        self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                        GTK_APPLICATION_INHIBIT_IDLE,
                                                        _("Presenting"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->sidebar, TRUE);
      gtk_widget_set_visible (self->sidebar_separator, TRUE);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      if (app != NULL && self->inhibit_cookie != 0)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
presentation_change_state (GSimpleAction *action,
                           GVariant      *state,
                           gpointer       user_data)
{
  SpWindow *self = user_data;
  gboolean presenting = g_variant_get_boolean (state);

  if (presenting == sp_window_get_presenting (self))
    return;

  g_simple_action_set_state (action, state);
  set_presenting (self, presenting);
}

static gboolean
leave_presentation_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  SpWindow *self = SP_WINDOW (widget);

  if (!sp_window_get_presenting (self))
    return FALSE;

  g_action_group_change_action_state (G_ACTION_GROUP (self), "presentation",
                                      g_variant_new_boolean (FALSE));
  return TRUE;
}

/* Presentation clickers send Page Up / Page Down: in presentation mode they turn the
 * views like slides. */
static gboolean
page_views_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GtkSelectionModel) pages = NULL;
  int step = GPOINTER_TO_INT (user_data);
  guint n, current = 0;

  if (!sp_window_get_presenting (self))
    return FALSE;

  /* An open meeting turns its own slides. */
  if (SP_IS_MEETINGS_PAGE (adw_view_stack_get_visible_child (self->stack))
      && sp_meetings_page_step_slide (SP_MEETINGS_PAGE (adw_view_stack_get_visible_child (self->stack)),
                                      step))
    return TRUE;

  pages = adw_view_stack_get_pages (self->stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      if (gtk_selection_model_is_selected (pages, i))
        current = i;
    }

  if ((step < 0 && current == 0) || (step > 0 && current + 1 >= n))
    return TRUE;

  gtk_selection_model_select_item (pages, current + step, TRUE);
  return TRUE;
}

static void
add_shortcuts (SpWindow *self)
{
  GtkEventController *paging = gtk_shortcut_controller_new ();
  GtkEventController *escape = gtk_shortcut_controller_new ();
  const struct { guint keyval; int step; } keys[] = {
    { GDK_KEY_Page_Down, 1 }, { GDK_KEY_Page_Up, -1 },
    { GDK_KEY_KP_Page_Down, 1 }, { GDK_KEY_KP_Page_Up, -1 },
  };

  /* Paging is captured before lists and text views take the keys for scrolling. */
  gtk_event_controller_set_propagation_phase (paging, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (paging),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                        gtk_callback_action_new (page_views_cb,
                                                 GINT_TO_POINTER (keys[i].step), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), paging);

  /* Escape leaves presentation mode only if nothing inside the window wanted it. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (escape),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_callback_action_new (leave_presentation_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), escape);
}

static const GActionEntry win_actions[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "show-view", show_view_activated, "s" },
  { "presentation", NULL, NULL, "false", presentation_change_state },
};

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  AdwViewStackPage *page = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (adw_view_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (adw_view_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
sidebar_row_activated_cb (SpWindow      *self,
                          GtkListBoxRow *row)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);

  gtk_selection_model_select_item (pages, gtk_list_box_row_get_index (row), TRUE);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_row_selected_cb (SpWindow      *self,
                         GtkListBoxRow *row)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (row == NULL)
    return;

  pages = adw_view_stack_get_pages (self->stack);
  if (!gtk_selection_model_is_selected (pages, gtk_list_box_row_get_index (row)))
    gtk_selection_model_select_item (pages, gtk_list_box_row_get_index (row), TRUE);
}

static gboolean
pulse_cb (gpointer user_data)
{
  SpWindow *self = user_data;

  gtk_progress_bar_pulse (self->busy_progress);
  return G_SOURCE_CONTINUE;
}

/* While the workspace runs a job the window is insensitive and shows what runs (bound in
 * sp_window_constructed()); the actions that would start another job or touch the file are
 * disabled. */
static void
busy_changed_cb (SpWindow *self)
{
  static const char * const guarded[] = {
    "undo", "redo", "import", "export", "undo-import", "fill-demo", "export-report",
  };
  gboolean busy = sp_workspace_get_busy (self->workspace);

  if (!busy)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->busy_progress, 0.0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    set_action_enabled (self, guarded[i], !busy);
  if (!busy)
    update_undo_actions (self);
}

/* 0..1, or negative for "unknown": the bar pulses. */
static void
progress_changed_cb (SpWindow *self)
{
  double fraction = sp_workspace_get_progress (self->workspace);

  if (!sp_workspace_get_busy (self->workspace))
    return;
  if (fraction < 0.0)
    {
      if (self->pulse_source == 0)
        self->pulse_source = g_timeout_add (100, pulse_cb, self);
      return;
    }

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->busy_progress, fraction);
}

/* A view reads the workspace the first time it is shown, not when the window is built: the
 * first frame must not wait for every view's queries (DESIGN.md: under 500 ms on the large
 * workspace). Once it has the workspace, a page follows its changes itself. Views that are
 * not pages (the Meetings placeholder) have nothing to read. */
static void
load_view (SpWindow  *self,
           GtkWidget *child)
{
  if (SP_IS_PAGE (child) && sp_page_get_workspace (SP_PAGE (child)) == NULL)
    sp_page_set_workspace (SP_PAGE (child), self->workspace);
}

static void
visible_view_changed_cb (SpWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);
  AdwViewStackPage *page;
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n;

  if (child == NULL || self->workspace == NULL)
    return;

  load_view (self, child);

  page = adw_view_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->view_title, adw_view_stack_page_get_title (page));

  pages = adw_view_stack_get_pages (self->stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      if (gtk_selection_model_is_selected (pages, i))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

          if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
            gtk_list_box_select_row (self->sidebar_list, row);
        }
    }
}

static void
back_clicked_cb (SpWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
restore_state (SpWindow *self)
{
  g_autofree char *view = NULL;

  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
save_state (SpWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (view != NULL)
    g_settings_set_string (self->settings, "last-view", view);
  g_settings_apply (self->settings);
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  SpWindow *self = SP_WINDOW (window);

  /* A worker stops at its next step and rolls back: the file stays as it was. */
  sp_workspace_cancel_job (self->workspace);

  if (sp_window_get_presenting (self))
    g_action_group_change_action_state (G_ACTION_GROUP (self), "presentation",
                                        g_variant_new_boolean (FALSE));
  save_state (self);

  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  g_assert (SP_IS_STORE (self->store));

  self->workspace = sp_workspace_new (self->store);
  self->preferences = g_object_ref (sp_workspace_get_preferences (self->workspace));

  /* The undo buttons follow the store at once, not the workspace's coalesced signal: an
   * action must not stay enabled for a frame after the last step was undone. */
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->workspace, "busy", self->busy_box, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->workspace, "busy", self->leaflet, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->workspace, "job-message", self->busy_label, "label",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->workspace, "notify::busy", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::progress", G_CALLBACK (progress_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  restore_state (self);
  visible_view_changed_cb (self);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  if (self->workspace != NULL)
    {
      sp_workspace_cancel_job (self->workspace);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->presentation_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->presentation_css));
  g_clear_object (&self->presentation_css);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_finalize (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->preferences);
  g_clear_object (&self->workspace);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_window_parent_class)->finalize (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sp_window_constructed;
  object_class->dispose = sp_window_dispose;
  object_class->finalize = sp_window_finalize;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_TARGETS_PAGE);
  g_type_ensure (SP_TYPE_WORKLOG_PAGE);
  g_type_ensure (SP_TYPE_WORKLOAD_PAGE);
  g_type_ensure (SP_TYPE_FUNNEL_PAGE);
  g_type_ensure (SP_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SP_TYPE_MEETINGS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, targets_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, busy_box);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, busy_progress);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
sp_window_init (SpWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  _sp_window_io_init (self);
  add_shortcuts (self);

  pages = adw_view_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (pages), create_sidebar_row,
                           NULL, NULL);
  g_signal_connect_object (self->sidebar_list, "row-selected",
                           G_CALLBACK (sidebar_row_selected_cb), self, G_CONNECT_SWAPPED);
}

SpWindow *
sp_window_new (SpApplication *application,
               SpStore       *store)
{
  g_return_val_if_fail (SP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

SpStore *
sp_window_get_store (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->store;
}

SpWorkspace *
sp_window_get_workspace (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->workspace;
}

SpPreferences *
sp_window_get_preferences (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return self->preferences;
}

const char *
sp_window_get_visible_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

gboolean
sp_window_get_presenting (SpWindow *self)
{
  g_autoptr(GVariant) state = NULL;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  state = g_action_group_get_action_state (G_ACTION_GROUP (self), "presentation");
  return state != NULL && g_variant_get_boolean (state);
}

void
sp_window_add_toast (SpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sp_window_show_error (SpWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sp_window_reload (SpWindow *self)
{
  /* The file was rewritten through another connection: this connection's undo steps no
   * longer describe it. */
  sp_store_reload (self->store);
}
