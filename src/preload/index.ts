/**
 * The preload: the only bridge between the page and the main process. It exposes exactly two
 * functions on window.tillpoint — invoke(name, input, session) and on(listener) — and nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const channels = { invoke: 'tillpoint:invoke', event: 'tillpoint:event' } as const;

const bridge = {
  invoke: (name: string, input: unknown, session: string | null): Promise<unknown> =>
    ipcRenderer.invoke(channels.invoke, name, input, session),
  on: (listener: (event: string, payload: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(channels.event, handler);
    return () => ipcRenderer.removeListener(channels.event, handler);
  },
};

contextBridge.exposeInMainWorld('tillpoint', bridge);
