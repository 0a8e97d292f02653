/* sp-page.c — the base of every view: subscribes to the workspace, marks itself dirty,
 * refreshes when mapped
 *
 * Each view used to carry the same set-up: a store and preferences property, two signal
 * subscriptions, a dirty flag and a map handler. Here it is once. A page never refreshes while
 * hidden; a change to the workspace marks it dirty and the next map refreshes it once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-page"

#include "config.h"

#include "sp-page.h"

typedef struct
{
  SpWorkspace *workspace;
  gboolean     dirty;
  guint        refresh_count;
} SpPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpPage, sp_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh_now (SpPage *self)
{
  SpPagePrivate *priv = sp_page_get_instance_private (self);

  priv->dirty = FALSE;
  if (priv->workspace == NULL || SP_PAGE_GET_CLASS (self)->refresh == NULL)
    return;
  priv->refresh_count++;
  SP_PAGE_GET_CLASS (self)->refresh (self);
}

static void
workspace_changed_cb (SpPage *self)
{
  SP_PAGE_GET_CLASS (self)->workspace_changed (self);
}

static void
sp_page_real_workspace_changed (SpPage *self)
{
  sp_page_queue_refresh (self);
}

static void
sp_page_map (GtkWidget *widget)
{
  SpPage *self = SP_PAGE (widget);
  SpPagePrivate *priv = sp_page_get_instance_private (self);

  GTK_WIDGET_CLASS (sp_page_parent_class)->map (widget);
  if (priv->dirty)
    refresh_now (self);
}

static void
sp_page_dispose (GObject *object)
{
  SpPage *self = SP_PAGE (object);
  SpPagePrivate *priv = sp_page_get_instance_private (self);

  g_clear_object (&priv->workspace);

  G_OBJECT_CLASS (sp_page_parent_class)->dispose (object);
}

static void
sp_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpPage *self = SP_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, sp_page_get_workspace (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpPage *self = SP_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      sp_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_page_class_init (SpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_page_dispose;
  object_class->get_property = sp_page_get_property;
  object_class->set_property = sp_page_set_property;
  widget_class->map = sp_page_map;
  klass->workspace_changed = sp_page_real_workspace_changed;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SP_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_page_init (SpPage *self)
{
  SpPagePrivate *priv = sp_page_get_instance_private (self);

  priv->dirty = TRUE;
}

SpWorkspace *
sp_page_get_workspace (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_val_if_fail (SP_IS_PAGE (self), NULL);
  priv = sp_page_get_instance_private (self);
  return priv->workspace;
}

void
sp_page_set_workspace (SpPage      *self,
                       SpWorkspace *workspace)
{
  SpPagePrivate *priv;

  g_return_if_fail (SP_IS_PAGE (self));
  g_return_if_fail (SP_IS_WORKSPACE (workspace));

  priv = sp_page_get_instance_private (self);
  if (priv->workspace == workspace)
    return;
  /* A page belongs to one window and so to one workspace. */
  g_return_if_fail (priv->workspace == NULL);

  priv->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (SP_PAGE_GET_CLASS (self)->workspace_set != NULL)
    SP_PAGE_GET_CLASS (self)->workspace_set (self, workspace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  sp_page_queue_refresh (self);
}

SpStore *
sp_page_get_store (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_val_if_fail (SP_IS_PAGE (self), NULL);
  priv = sp_page_get_instance_private (self);
  return priv->workspace ? sp_workspace_get_store (priv->workspace) : NULL;
}

SpPreferences *
sp_page_get_preferences (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_val_if_fail (SP_IS_PAGE (self), NULL);
  priv = sp_page_get_instance_private (self);
  return priv->workspace ? sp_workspace_get_preferences (priv->workspace) : NULL;
}

void
sp_page_queue_refresh (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_if_fail (SP_IS_PAGE (self));
  priv = sp_page_get_instance_private (self);
  priv->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_now (self);
}

gboolean
sp_page_get_dirty (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_val_if_fail (SP_IS_PAGE (self), FALSE);
  priv = sp_page_get_instance_private (self);
  return priv->dirty;
}

guint
sp_page_get_refresh_count (SpPage *self)
{
  SpPagePrivate *priv;

  g_return_val_if_fail (SP_IS_PAGE (self), 0);
  priv = sp_page_get_instance_private (self);
  return priv->refresh_count;
}
