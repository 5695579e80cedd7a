"""The lesson's sample program: get an access token with the client credentials flow.

It does what the seed's Python program does (POST client_id, client_secret and grant_type as a
form to /token and print the token), pointed at a FlowLab server, and then calls the protected
API with the token.

    python3 examples/client_credentials.py                      # http://localhost:3000
    python3 examples/client_credentials.py http://127.0.0.1:3101
    FLOWLAB_URL=http://127.0.0.1:3101 python3 examples/client_credentials.py

Needs the `requests` package (pip install requests).
"""

import os
import sys

import requests

base_url = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("FLOWLAB_URL", "http://localhost:3000")).rstrip("/")

url = f"{base_url}/token"
data = {
    "client_id": "myapp123",
    "client_secret": "secret456",
    "grant_type": "client_credentials",
}

# requests sends a dict given as `data` as application/x-www-form-urlencoded, as the flow requires.
response = requests.post(url, data=data, timeout=10)

if response.status_code == 200:
    token_info = response.json()
    print(f"Access token: {token_info['access_token']}")
else:
    print(f"Failed to get token: {response.status_code}")
    sys.exit(1)

# Use the token: call the protected API with it in the Authorization header.
api = requests.get(
    f"{base_url}/api/data",
    headers={"Authorization": f"Bearer {token_info['access_token']}"},
    timeout=10,
)
print(f"API status: {api.status_code}")
print(f"API client_id: {api.json().get('client_id')}")
sys.exit(0 if api.status_code == 200 else 1)
