/* sp-workspace.c — the open workspace as the UI sees it: store, preferences, one coalesced
 * "changed" per edit, the background job
 *
 * One edit reaches the UI through several model signals (the store's "changed", then every
 * preference's "notify", sometimes a second "changed" from an undo group). Pages that followed
 * each of them refreshed several times per edit. The workspace collects them and emits its
 * own "changed" once, from an idle of higher priority than GTK's redraw, so a page refreshes
 * once and the frame shows the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-workspace.h"

struct _SpWorkspace
{
  GObject        parent_instance;

  SpStore       *store;
  SpPreferences *preferences;
  guint          changed_source;
  guint          generation;

  GCancellable  *job;
  char          *job_message;
  double         progress;
};

G_DEFINE_FINAL_TYPE (SpWorkspace, sp_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PREFERENCES,
  PROP_BUSY,
  PROP_JOB_MESSAGE,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Before GDK_PRIORITY_REDRAW (G_PRIORITY_HIGH_IDLE + 20): the pages refresh, then the frame
 * is drawn. */
#define CHANGED_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

static void
emit_changed (SpWorkspace *self)
{
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
changed_idle_cb (gpointer user_data)
{
  SpWorkspace *self = user_data;

  self->changed_source = 0;
  emit_changed (self);
  return G_SOURCE_REMOVE;
}

static void
model_changed_cb (SpWorkspace *self)
{
  if (self->changed_source != 0)
    return;
  self->changed_source = g_idle_add_full (CHANGED_PRIORITY, changed_idle_cb, self, NULL);
  g_source_set_name_by_id (self->changed_source, "[sp] workspace changed");
}

static void
sp_workspace_constructed (GObject *object)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  G_OBJECT_CLASS (sp_workspace_parent_class)->constructed (object);

  g_assert (SP_IS_STORE (self->store));
  self->preferences = sp_preferences_new (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preferences, "notify", G_CALLBACK (model_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sp_workspace_dispose (GObject *object)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  g_clear_handle_id (&self->changed_source, g_source_remove);
  if (self->job != NULL)
    g_cancellable_cancel (self->job);

  G_OBJECT_CLASS (sp_workspace_parent_class)->dispose (object);
}

static void
sp_workspace_finalize (GObject *object)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  g_clear_object (&self->job);
  g_clear_pointer (&self->job_message, g_free);
  g_clear_object (&self->preferences);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_workspace_parent_class)->finalize (object);
}

static void
sp_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpWorkspace *self = SP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PREFERENCES:
      g_value_set_object (value, self->preferences);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->job != NULL);
      break;
    case PROP_JOB_MESSAGE:
      g_value_set_string (value, self->job_message);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpWorkspace *self = SP_WORKSPACE (object);

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
sp_workspace_class_init (SpWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_workspace_constructed;
  object_class->dispose = sp_workspace_dispose;
  object_class->finalize = sp_workspace_finalize;
  object_class->get_property = sp_workspace_get_property;
  object_class->set_property = sp_workspace_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERENCES] =
    g_param_spec_object ("preferences", NULL, NULL, SP_TYPE_PREFERENCES,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB_MESSAGE] =
    g_param_spec_string ("job-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_workspace_init (SpWorkspace *self)
{
}

SpWorkspace *
sp_workspace_new (SpStore *store)
{
  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  return g_object_new (SP_TYPE_WORKSPACE, "store", store, NULL);
}

SpStore *
sp_workspace_get_store (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);
  return self->store;
}

SpPreferences *
sp_workspace_get_preferences (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);
  return self->preferences;
}

gboolean
sp_workspace_flush (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);

  if (self->changed_source == 0)
    return FALSE;
  g_clear_handle_id (&self->changed_source, g_source_remove);
  emit_changed (self);
  return TRUE;
}

guint
sp_workspace_get_generation (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), 0);
  return self->generation;
}

GCancellable *
sp_workspace_begin_job (SpWorkspace  *self,
                        const char   *message,
                        GError      **error)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (self->job != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   /* Translators: %s is what the running job does, e.g. “Importing…” */
                   _("Wait until the running task has finished: %s"), self->job_message);
      return NULL;
    }

  self->job = g_cancellable_new ();
  self->job_message = g_strdup (message);
  self->progress = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return self->job;
}

void
sp_workspace_set_progress (SpWorkspace *self,
                           double       fraction)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));

  fraction = fraction < 0.0 ? -1.0 : MIN (fraction, 1.0);
  if (self->job == NULL || self->progress == fraction)
    return;
  self->progress = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

double
sp_workspace_get_progress (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), 0.0);
  return self->progress;
}

void
sp_workspace_end_job (SpWorkspace *self)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));

  if (self->job == NULL)
    return;
  g_clear_object (&self->job);
  g_clear_pointer (&self->job_message, g_free);
  self->progress = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
sp_workspace_get_busy (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), FALSE);
  return self->job != NULL;
}

const char *
sp_workspace_get_job_message (SpWorkspace *self)
{
  g_return_val_if_fail (SP_IS_WORKSPACE (self), NULL);
  return self->job_message;
}

void
sp_workspace_cancel_job (SpWorkspace *self)
{
  g_return_if_fail (SP_IS_WORKSPACE (self));

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
}
