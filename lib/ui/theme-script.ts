/**
 * Runs before the first paint so a dark-mode reader never sees a light flash. Reads the saved choice
 * ('light' | 'dark' | 'system'), falling back to the system setting. Kept tiny and static: its hash is
 * allowed by the Content-Security-Policy.
 */
export const THEME_STORAGE_KEY = 'ai-shock-theme'

export const THEME_INIT_SCRIPT = `(function(){try{var s=localStorage.getItem('${THEME_STORAGE_KEY}');var d=s==='dark'||((!s||s==='system')&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`
