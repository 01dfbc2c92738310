"use client";
import { useRef, useState } from "react";

const TYPES = ["image/jpeg", "image/png", "image/webp"];
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 20;

interface Photo {
  key: string;
  name: string;
  progress: number;
  state: "uploading" | "done" | "failed";
  id?: number;
  thumbnail?: string;
  problem?: string;
}

/**
 * The trade-in's photos: each uploads at once through this app's /api/photos (XMLHttpRequest, so the
 * bar shows real progress), in the order shown; the first is the cover. The ids go to the form as
 * hidden attachment_ids, in order.
 */
export function PhotoPicker({ problem }: { problem?: string }) {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const counter = useRef(0);

  function update(key: string, change: Partial<Photo>) {
    setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }

  function upload(file: File, key: string) {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/photos?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", file.type);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) update(key, { progress: Math.min(99, Math.round((e.loaded / e.total) * 100)) });
    };
    xhr.onload = () => {
      let body: { attachment_id?: number; thumbnail_url?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below as a failed upload.
      }
      if (xhr.status === 201 && body.attachment_id) {
        update(key, { state: "done", progress: 100, id: body.attachment_id, thumbnail: body.thumbnail_url });
        setAnnouncement(`${file.name} uploaded.`);
      } else {
        update(key, { state: "failed", problem: body.error ?? "The upload failed. Try again." });
        setAnnouncement(`${file.name} could not be uploaded.`);
      }
    };
    xhr.onerror = () => {
      update(key, { state: "failed", problem: "The upload failed. Check your connection and try again." });
      setAnnouncement(`${file.name} could not be uploaded.`);
    };
    xhr.send(file);
  }

  function add(files: FileList | null) {
    if (!files) return;
    const added: Photo[] = [];
    for (const file of Array.from(files)) {
      if (photos.length + added.length >= MAX_PHOTOS) break;
      const key = `photo-${++counter.current}`;
      if (!TYPES.includes(file.type)) added.push({ key, name: file.name, progress: 0, state: "failed", problem: "Choose a JPEG, PNG or WebP photo." });
      else if (file.size > MAX_BYTES) added.push({ key, name: file.name, progress: 0, state: "failed", problem: "That photo is over 10 MB. Choose a smaller one." });
      else {
        added.push({ key, name: file.name, progress: 0, state: "uploading" });
        upload(file, key);
      }
    }
    setPhotos((all) => [...all, ...added]);
  }

  function move(index: number, by: -1 | 1) {
    setPhotos((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
    setAnnouncement(`${photos[index].name} moved to position ${index + by + 1}${index + by === 0 ? ", the cover photo" : ""}.`);
  }

  function remove(index: number) {
    setAnnouncement(`${photos[index].name} removed.`);
    setPhotos((all) => all.filter((_, i) => i !== index));
  }

  const described = ["attachment_ids-hint", problem ? "attachment_ids-problem" : null].filter(Boolean).join(" ");
  return (
    <div className={problem ? "field field-problem photo-picker" : "field photo-picker"}>
      <label htmlFor="attachment_ids">Photos</label>
      <span id="attachment_ids-hint" className="hint">JPEG, PNG or WebP, up to 10 MB each. The first photo is the cover: use the buttons to change the order.</span>
      {problem ? <span id="attachment_ids-problem" className="field-error">{problem}</span> : null}
      <input id="attachment_ids" type="file" accept={TYPES.join(",")} multiple aria-describedby={described} aria-invalid={problem ? true : undefined}
        onChange={(e) => { add(e.currentTarget.files); e.currentTarget.value = ""; }} />
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
      {photos.length > 0 ? (
        <ol className="photo-list">
          {photos.map((photo, i) => (
            <li key={photo.key} className="photo-item" aria-label={i === 0 ? `Cover photo: ${photo.name}` : `Photo ${i + 1}: ${photo.name}`}>
              {i === 0 ? <span className="photo-cover">Cover photo</span> : null}
              {photo.thumbnail ? <img src={photo.thumbnail} alt={`Photo ${i + 1}: ${photo.name}`} width={150} height={150} /> : <span className="photo-placeholder" aria-hidden="true" />}
              {photo.state === "failed" ? (
                <span className="field-error">{photo.name}: {photo.problem}</span>
              ) : (
                <span className="photo-progress">
                  <label htmlFor={`${photo.key}-progress`}>{photo.state === "done" ? `Uploaded ${photo.name}` : `Uploading ${photo.name}`}</label>
                  <progress id={`${photo.key}-progress`} max={100} value={photo.progress}>{photo.progress}%</progress>
                </span>
              )}
              <span className="photo-actions">
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move left: ${photo.name}`}>Move left</button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === photos.length - 1} aria-label={`Move right: ${photo.name}`}>Move right</button>
                <button type="button" onClick={() => remove(i)} aria-label={`Remove: ${photo.name}`}>Remove</button>
              </span>
              {photo.state === "done" && photo.id ? <input type="hidden" name="attachment_ids" value={photo.id} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
