import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// In dev, Vite serves the app and forwards API and socket traffic to the real server,
// so the browser sees one origin exactly as it does in production (cookies, ws URLs).
const serverPort = process.env.PORT ?? '8787'
const httpTarget = `http://127.0.0.1:${serverPort}`

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: httpTarget, changeOrigin: true },
      '/collab': { target: `ws://127.0.0.1:${serverPort}`, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // The editor stack dwarfs our own code and changes far less often: separate
        // chunks let browsers keep it cached across our deploys.
        manualChunks(id) {
          // The suggestion model's weights and word vectors (about 1 MB) change only when
          // it is retrained: their own chunk stays cached across deploys too.
          if (/[\\/]suggest[\\/]model-weights\.ts$/.test(id)) return 'model'
          if (!id.includes('node_modules')) return undefined
          if (/[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/.test(id))
            return 'editor'
          if (/[\\/](yjs|y-websocket|y-protocols|lib0)[\\/]/.test(id)) return 'collab'
          if (/[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react'
          return undefined
        },
      },
    },
  },
})
